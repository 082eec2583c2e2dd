#!/bin/sh
# Starts the bundled API (ADR 048) with its Node flags, written here once: `pnpm start`, the Docker
# image and `pnpm bench` all start the API through this file (ADR 051). Usage: sh serve.sh dist/main.mjs
#   --max-semi-space-size=4    a small young generation, which stays committed after a burst (ADR 048)
#   --max-old-space-size=1536  under a 2 GB heap limit V8 also caps how far the old generation grows
#                              past the live heap before it is collected: 1.8x here, 4x by default,
#                              so a burst's garbage does not stay committed once the load stops (ADR 051)
exec node --max-semi-space-size=4 --max-old-space-size=1536 "$@"
