import { Fragment, useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { Kbd, MOD_KEY } from '../../ui/Kbd';
import { useHotkeys } from '../../ui/use-hotkeys';
import { SHORTCUT_GROUPS } from './shortcuts';
import './shortcuts.css';

/** A "Shortcuts" button, and `?` anywhere on the page, open the list of every shortcut. */
export function ShortcutsDialog() {
  const [isOpen, setOpen] = useState(false);
  useHotkeys({ '?': () => setOpen(true) });

  return (
    <>
      <Button size="sm" variant="quiet" onPress={() => setOpen(true)} aria-keyshortcuts="?">
        Shortcuts <Kbd decorative>?</Kbd>
      </Button>
      <Dialog title="Keyboard shortcuts" isOpen={isOpen} onOpenChange={setOpen} isDismissable>
        {(close) => (
          <>
            {SHORTCUT_GROUPS.map((group) => (
              <section key={group.title} className="shortcut-group" aria-label={group.title}>
                <h3 className="shortcut-group-title">{group.title}</h3>
                <dl className="shortcut-list">
                  {group.shortcuts.map((shortcut) => (
                    <div key={shortcut.description} className="shortcut">
                      <dt>
                        {shortcut.keys.map((alternative, index) => (
                          <Fragment key={alternative}>
                            {index > 0 && <span className="shortcut-or"> or </span>}
                            {alternative.split('+').map((key, part) => (
                              <Fragment key={key}>
                                {part > 0 && '+'}
                                <Kbd>{key}</Kbd>
                              </Fragment>
                            ))}
                          </Fragment>
                        ))}
                      </dt>
                      <dd>{shortcut.description}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
            <p className="shortcut-note">
              While you type in a field, letters and numbers are text; only {MOD_KEY}+Enter and Esc act.
            </p>
            <DialogActions>
              <Button variant="primary" onPress={close} autoFocus>
                Close
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
