// Output written in chunks: a batch's report is thousands of small pieces (a file's lines, its
// JSON), and each write to stdout is a system call and a trip through the stream; gathered to
// about 64 KB they are a few dozen. The bytes and their order are the same.

/** `write` fed in chunks of at least `size` characters; `flush()` writes what is left. */
export function batched(write: (s: string) => void, size = 1 << 16): { out(s: string): void; flush(): void } {
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (!parts.length) return;
    const chunk = parts.join('');
    parts = [];
    length = 0;
    write(chunk);
  };
  return {
    out(s) {
      parts.push(s);
      length += s.length;
      if (length >= size) flush();
    },
    flush,
  };
}
