#!/bin/sh
# Starts the bundled API (ADR 048) with its Node flags, written here once: `pnpm start`, the Docker
# image and `pnpm bench` all start the API through this file (ADR 051). Usage: sh serve.sh dist/main.mjs
#   --max-semi-space-size=4   a small young generation, which stays committed after a burst (ADR 048)
#   --max-old-space-size=512  a heap limit under 2 GB also caps how far V8 lets the old generation grow
#                             past the live heap before collecting: 1.4× instead of 4×, so a burst's
#                             garbage does not stay committed once the load stops (ADR 051)
exec node --max-semi-space-size=4 --max-old-space-size=512 "$@"
