"""The messaging channels' use cases, the same for every channel (WhatsApp, Messenger,
Instagram): a channel only translates its wire format into `events` and back into its
own payloads.

- `events`: what a webhook said, as one model for every channel (a resident's message,
  an edit, an unsend, a message from the business's side, a change of thread control),
  and the queued form of it.
- `intake.WebhookIntake` (the webhook): the tenant by the account id, messages older
  than Meta's retry period dropped, each event queued once (deduplicated by Meta's id
  in the table, ordered per resident on a FIFO queue), receipts recorded; fast.
- `delivery.EventDelivery` (the worker): one queued event carried out: the engine's
  reply sent once per part, an edit or unsend applied to the transcript, the bot kept
  quiet while someone else has the thread.
- `outbound.ChannelReplies` (staff replies, handover notices): `core.ports.OutboundSender`
  within the channel's messaging window.
"""
