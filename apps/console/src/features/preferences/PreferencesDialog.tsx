import { useQuery } from '@tanstack/react-query';
import { DialogTrigger } from 'react-aria-components';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import { Switch } from '../../ui/Switch';
import { preferencesQuery } from './preferences-query';
import { useUpdatePreferences } from './update-preferences-mutation';

/** "Preferences" in the header: settings that change how Docket shows things to you alone. */
export function PreferencesDialog({ triggerClassName }: { triggerClassName?: string }) {
  return (
    <DialogTrigger>
      <Button size="sm" className={triggerClassName}>
        Preferences
      </Button>
      <Dialog title="Preferences" size="sm" isDismissable>
        {(close) => (
          <>
            <PreferenceSwitches />
            <DialogActions>
              <Button variant="primary" onPress={close}>
                Done
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </DialogTrigger>
  );
}

/** Each switch saves as soon as it is flipped; if saving fails it flips back and says why. */
function PreferenceSwitches() {
  const preferences = useQuery(preferencesQuery());
  const update = useUpdatePreferences();

  if (preferences.isPending) {
    return (
      <p role="status" className="page-loading">
        <Spinner /> Loading your preferences…
      </p>
    );
  }
  if (preferences.isError) {
    return (
      <ErrorAlert
        error={isApiError(preferences.error) ? preferences.error : networkError()}
        title="Your preferences could not be loaded"
      />
    );
  }

  const saved = preferences.data;
  const updateError = isApiError(update.error) ? update.error : null;
  return (
    <>
      {updateError && <ErrorAlert error={updateError} title="The change was not saved" />}
      <Switch
        isSelected={update.isPending ? update.variables.blurUrgentEvidence : saved.blurUrgentEvidence}
        isDisabled={update.isPending}
        onChange={(blurUrgentEvidence) => update.mutate({ ...saved, blurUrgentEvidence })}
        hint="Reported messages in urgent categories (child safety, grooming, sextortion, violent threats, self-harm) stay blurred until you press Reveal. Applies to the next case you open."
        autoFocus
      >
        Blur evidence in urgent categories until I reveal it
      </Switch>
    </>
  );
}
