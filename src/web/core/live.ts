import { useEffect } from 'react';

/**
 * Live changes from the server's event stream (issue 12): one `EventSource` per tab, shared by
 * every hook below. A change carries no content; a page that shows the thing reads it again.
 *
 * STUB at the start of issue 12: the signature is fixed; the notifications work opens the stream.
 */
export interface LiveChange {
  topic: 'comments';
  kind: string;
  itemId: string;
}

/** Call `onChange` for each live change of `topic` while the calling component is mounted. */
export function useLiveChange(topic: LiveChange['topic'], onChange: (change: LiveChange) => void) {
  useEffect(() => {
    void topic;
    void onChange;
    return undefined;
  }, [topic, onChange]);
}
