import { lazy, useEffect, useRef, useState } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { keepTabInside } from "@/components/ui/keep-tab-inside";
import { OnDemand } from "@/components/ui/on-demand";

// Opening a chat does not need the gateway log view: its code loads when the dialog first opens.
const GatewayLogsView = lazy(() => import("./gateway-logs-view").then((module) => ({ default: module.GatewayLogsView })));

/**
 * One step from the header to the whole gateway's log; the view (and its polling) exists only while the dialog is
 * open. Tab and Shift+Tab go round the dialog's controls; Esc or Close closes it and the browser gives focus back.
 */
export function GatewayLogsButton({ secrets }: { secrets: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button type="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)} className="rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface-2 hover:text-ink">
        Gateway logs
      </button>
      <dialog
        ref={dialog}
        aria-label="Gateway logs"
        onClose={() => setOpen(false)}
        onKeyDown={keepTabInside}
        className="m-auto w-[min(64rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
      >
        {open && (
          <div className="flex max-h-[calc(100vh-4rem)] flex-col gap-3 p-4">
            <div className="flex items-center gap-2">
              <h2 className="text-sm font-semibold">Gateway logs</h2>
              <span className="text-xs text-ink-3">the gateway's own log file, secrets masked</span>
              <button type="button" onClick={() => setOpen(false)} className="ml-auto rounded-md px-2 py-0.5 text-sm text-ink-2 hover:bg-surface-2">
                Close
              </button>
            </div>
            <ErrorBoundary label="The gateway logs" secrets={secrets}>
              <OnDemand what="gateway logs">
                <GatewayLogsView secrets={secrets} />
              </OnDemand>
            </ErrorBoundary>
          </div>
        )}
      </dialog>
    </>
  );
}
