import { Injectable, Logger } from '@nestjs/common';

/** What a channel adapter is handed: the outbox row's id (an idempotency key for the provider) and text. */
export interface OutboundMessage {
  id: string;
  /** An addressee (`user:<id>`, `unit:<id>`, `department:<name>`); the adapter resolves the number or address. */
  recipient: string;
  subject: string;
  body: string;
}

export interface DeliveryReceipt {
  /** The provider's message id, recorded on the outbox row. */
  receipt: string;
}

/** SMS port (一般问题采取发短信提醒告知). A production adapter calls the SMS gateway. */
export abstract class SmsSender {
  abstract send(message: OutboundMessage): Promise<DeliveryReceipt>;
}

/** E-mail port (e.g. filing with the departments a notice is recorded with). */
export abstract class EmailSender {
  abstract send(message: OutboundMessage): Promise<DeliveryReceipt>;
}

/** Letter port (提醒函): a production adapter hands the letter to the document exchange or post room. */
export abstract class LetterSender {
  abstract send(message: OutboundMessage): Promise<DeliveryReceipt>;
}

/**
 * The local adapters: they send nothing and record what would have been sent — the outbox row itself,
 * marked SENT with a `local-…` receipt. They log the message id and channel only, never the recipient
 * or the text (personal data stays in the database).
 */
@Injectable()
export class LocalSmsSender extends SmsSender {
  private readonly logger = new Logger('LocalSms');
  async send(message: OutboundMessage): Promise<DeliveryReceipt> {
    this.logger.debug(`SMS ${message.id} recorded, not sent (local adapter)`);
    return { receipt: `local-sms:${message.id}` };
  }
}

@Injectable()
export class LocalEmailSender extends EmailSender {
  private readonly logger = new Logger('LocalEmail');
  async send(message: OutboundMessage): Promise<DeliveryReceipt> {
    this.logger.debug(`e-mail ${message.id} recorded, not sent (local adapter)`);
    return { receipt: `local-email:${message.id}` };
  }
}

@Injectable()
export class LocalLetterSender extends LetterSender {
  private readonly logger = new Logger('LocalLetter');
  async send(message: OutboundMessage): Promise<DeliveryReceipt> {
    this.logger.debug(`letter ${message.id} recorded, not sent (local adapter)`);
    return { receipt: `local-letter:${message.id}` };
  }
}
