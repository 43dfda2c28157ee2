/**
 * A scripted stand-in for sendMessage: each message type answers from a queue (the last answer
 * repeats), and every call is recorded. Type-compatible with `Send` from entrypoints/popup/state.
 */
import { vi } from 'vitest';
import type { MessageReply, MessageType } from '@/lib/protocol';
import type { Send } from '@/entrypoints/popup/state';

export type Script = { [K in MessageType]?: Array<Awaited<MessageReply<K>> | Error> };

export function fakeSend(script: Script) {
  const calls: Array<{ type: MessageType; data: unknown }> = [];
  const counters: Partial<Record<MessageType, number>> = {};
  const send = vi.fn(async (type: MessageType, data: unknown) => {
    calls.push({ type, data });
    const queue = script[type] as unknown[] | undefined;
    if (!queue || queue.length === 0) throw new Error(`unexpected message ${type}`);
    const i = counters[type] ?? 0;
    counters[type] = i + 1;
    const answer = queue[Math.min(i, queue.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as Send;
  return { send, calls };
}
