import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { isGatewayUrl } from "../model/launch-params";

export interface ConnectionFormProps {
  initialUrl: string;
  initialToken: string;
  initialRemember: boolean;
  onSubmit(values: { gatewayUrl: string; token: string; remember: boolean }): void;
  onForgetDevice?: () => void;
  submitLabel?: string;
}

export function ConnectionForm({ initialUrl, initialToken, initialRemember, onSubmit, onForgetDevice, submitLabel = "Connect" }: ConnectionFormProps) {
  const [gatewayUrl, setGatewayUrl] = useState(initialUrl);
  const [token, setToken] = useState(initialToken);
  const [remember, setRemember] = useState(initialRemember);
  const [showToken, setShowToken] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urlId = useId();
  const tokenId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = gatewayUrl.trim();
    if (!isGatewayUrl(url)) {
      setError("Enter a WebSocket URL such as ws://127.0.0.1:18789");
      return;
    }
    setError(null);
    onSubmit({ gatewayUrl: url, token: token.trim(), remember });
  };

  return (
    <form aria-label="Gateway connection" onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor={urlId} className="text-sm font-medium">
          Gateway URL
        </label>
        <input
          id={urlId}
          value={gatewayUrl}
          onChange={(event) => setGatewayUrl(event.target.value)}
          placeholder="ws://127.0.0.1:18789"
          autoComplete="url"
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          className="rounded-lg border border-line bg-surface px-3 py-2 font-mono text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={tokenId} className="text-sm font-medium">
          Gateway token
        </label>
        <div className="flex gap-2">
          <input
            id={tokenId}
            type={showToken ? "text" : "password"}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 rounded-lg border border-line bg-surface px-3 py-2 font-mono text-sm"
          />
          <Button variant="ghost" aria-pressed={showToken} onClick={() => setShowToken((value) => !value)}>
            {showToken ? "Hide" : "Show"}
          </Button>
        </div>
        <p className="text-xs text-ink-3">
          Kept for this tab only unless you check Remember on this device. `openclaw gateway auth-token --show` prints it on the gateway host.
        </p>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          Remember on this device
        </label>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        {onForgetDevice && (
          <Button variant="ghost" onClick={onForgetDevice}>
            Forget this browser's device token
          </Button>
        )}
      </div>
    </form>
  );
}
