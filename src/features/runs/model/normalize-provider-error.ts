/**
 * The provider failure facts the gateway attaches to `chat` errors
 * (`errorDetail`) and to lifecycle `finishing`/`error` (`errorObservation`);
 * both use the same field names.
 */
import { readText, type UnknownRecord } from "@/lib/read-untrusted";
import { readCappedText } from "./bounded-text";
import type { ProviderErrorInfo } from "./run-signal";

export function readProviderError(record: UnknownRecord | undefined): ProviderErrorInfo | undefined {
  if (!record) return undefined;
  const status = record.httpStatus;
  const info: ProviderErrorInfo = {
    provider: readText(record, "provider"),
    model: readText(record, "model"),
    failoverReason: readText(record, "failoverReason"),
    runtimeFailureKind: readText(record, "providerRuntimeFailureKind"),
    providerErrorType: readText(record, "providerErrorType"),
    httpStatus: typeof status === "number" ? status : typeof status === "string" ? Number.parseInt(status, 10) || undefined : undefined,
    messagePreview: readCappedText(record, "providerErrorMessagePreview"),
  };
  return Object.values(info).some((value) => value !== undefined) ? info : undefined;
}
