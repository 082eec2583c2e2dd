import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's EventSource: the test plays the server and the network. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  private readonly handlers = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, handler: (event: MessageEvent<string>) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(type: string, data = '{}') {
    if (type === 'ready') this.readyState = FakeEventSource.OPEN;
    for (const handler of this.handlers.get(type) ?? []) handler({ data } as MessageEvent<string>);
  }

  /** The connection drops; `givesUp` is the browser deciding not to retry (an error answer). */
  fail(givesUp: boolean) {
    this.readyState = givesUp ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.emit('error');
  }
}

async function freshModule() {
  vi.resetModules();
  return import('./access-events');
}

const latest = () => FakeEventSource.instances.at(-1) as FakeEventSource;
const approved = { type: 'access.approved', caseId: 'c1', staffId: 's1', requestId: 'r1', grantId: 'g1' };

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the live access stream', () => {
  it('opens one stream for every listener, hands each the events, and closes with the last', async () => {
    const { subscribeAccessEvents } = await freshModule();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = subscribeAccessEvents({ onEvent: first });
    const stopSecond = subscribeAccessEvents({ onEvent: second });
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(latest().url).toBe('/api/access/events');

    latest().emit('ready');
    latest().emit('access.approved', JSON.stringify(approved));
    latest().emit('access.revoked', 'not json');
    expect(first).toHaveBeenCalledExactlyOnceWith(approved);
    expect(second).toHaveBeenCalledExactlyOnceWith(approved);

    stopFirst();
    expect(latest().readyState).not.toBe(FakeEventSource.CLOSED);
    stopSecond();
    expect(latest().readyState).toBe(FakeEventSource.CLOSED);
  });

  it('leaves a dropped stream to the browser while it retries, and says so once it is back', async () => {
    const { subscribeAccessEvents } = await freshModule();
    const onReconnect = vi.fn();
    subscribeAccessEvents({ onReconnect });
    latest().emit('ready');
    expect(onReconnect).not.toHaveBeenCalled();

    latest().fail(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    latest().emit('ready');
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('reopens with growing backoff when the browser gives up, then reports the reconnection', async () => {
    const { subscribeAccessEvents } = await freshModule();
    const onReconnect = vi.fn();
    const stop = subscribeAccessEvents({ onReconnect });
    latest().emit('ready');

    latest().fail(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeEventSource.instances).toHaveLength(2);

    latest().fail(true);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(FakeEventSource.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeEventSource.instances).toHaveLength(3);

    latest().emit('ready');
    expect(onReconnect).toHaveBeenCalledOnce();

    // Nobody listening: no stream, and no reopening later either.
    latest().fail(true);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(3);
  });
});

describe('a server that lost events', () => {
  it('has every listener refetch when the open stream says resync', async () => {
    const { subscribeAccessEvents } = await freshModule();
    const first = vi.fn();
    const second = vi.fn();
    subscribeAccessEvents({ onReconnect: first });
    subscribeAccessEvents({ onReconnect: second });
    latest().emit('ready');

    latest().emit('resync');
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
