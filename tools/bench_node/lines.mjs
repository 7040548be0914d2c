// The benchmark's unit of text: a line. Both tools split the same way: on "\n", skipping
// empty lines, each line keeping the byte offset where it starts in the file.
export function splitLines(buffer) {
  const lines = [];
  let begin = 0;
  while (begin < buffer.length) {
    let end = buffer.indexOf(0x0a, begin);
    if (end < 0) end = buffer.length;
    if (end > begin) lines.push({ begin, text: buffer.toString('utf8', begin, end) });
    begin = end + 1;
  }
  return lines;
}
