/**
 * Downloading a received gift's tax receipt from "My gifts and pledges":
 * a GET with the session's bearer token, so through a blob rather than a
 * plain link. Imported on the first click, so that front-office.js does not
 * carry it.
 */
import type { ReactiveElement } from 'lit';
import { ApiError } from '../core/api-error.ts';
import { PasserelleErrorEvent } from '../core/events.ts';
import type { PasserelleClient } from '../core/client.ts';

export async function downloadReceipt(client: PasserelleClient, host: ReactiveElement, r: { id: string; number: string }): Promise<void> {
  try {
    const url = URL.createObjectURL(await (await client.rpc.receipts[':id']['receipt.pdf'].$get({ param: { id: r.id } })).blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `recu-fiscal-${r.number}.pdf`;
    a.click();
    // Revoke later: the browser reads the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    host.dispatchEvent(new PasserelleErrorEvent({ error: error instanceof ApiError ? error : ApiError.network(error), action: 'download-receipt' }));
  }
}
