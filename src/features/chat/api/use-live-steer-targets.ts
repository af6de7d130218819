/** Feeds the live steer store from the rows the gateway writes (`session.message`), for the page's whole life. */
import { useEffect } from "react";
import { eventRouterOf } from "@/gateway/event-router";
import { roleOfRow, runIdOfUserRow, steerTargetOfUserRow } from "@/lib/history-rows";
import { useGateway } from "@/providers/gateway-provider";
import { liveSteerStore } from "../store/live-steer-store";

export function useLiveSteerTargets(): void {
  const connection = useGateway();
  useEffect(
    () =>
      eventRouterOf(connection).on("transcript-row", ({ row }) => {
        const messageRunId = roleOfRow(row) === "user" ? runIdOfUserRow(row) : undefined;
        const target = messageRunId === undefined ? undefined : steerTargetOfUserRow(row);
        if (messageRunId !== undefined && target !== undefined) liveSteerStore.getState().steeredMessageSeen(messageRunId, target);
      }),
    [connection],
  );
}
