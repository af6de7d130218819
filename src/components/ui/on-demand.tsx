/**
 * A part of the page loaded only when it is opened (React.lazy): while its code
 * arrives it says what is loading, and if the code cannot be fetched (offline,
 * or a newer build replaced it) it says so and offers a reload, never an
 * endless spinner.
 */
import { Component, Suspense, type ReactNode } from "react";
import { Button } from "./button";

interface BoundaryState {
  error: Error | null;
}

class LoadFailure extends Component<{ what: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="m-3 flex flex-col items-start gap-2 rounded-lg border border-bad/40 bg-bad-soft px-3 py-2 text-sm text-bad">
        <p>
          Could not load the {this.props.what}: {this.state.error.message}
        </p>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    );
  }
}

export function OnDemand({ what, children }: { what: string; children: ReactNode }) {
  return (
    <LoadFailure what={what}>
      <Suspense
        fallback={
          <p role="status" className="m-3 text-sm text-ink-3">
            Loading the {what}…
          </p>
        }
      >
        {children}
      </Suspense>
    </LoadFailure>
  );
}
