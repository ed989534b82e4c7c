/**
 * The server's -blockList: every IPv4 network except 127.0.0.1/32, as the 32 CIDR blocks that cover the rest of
 * the address space. The stock server binds all interfaces (it has no bind-address option); with `-stanford`
 * it refuses annotation requests from blocked IPv4 sources (401), before any work, and with
 * -Djava.net.preferIPv4Stack=true no IPv6 peer (which the block list would not check) can connect at all.
 */
export function allButLoopbackHost(): string[] {
  const host = (127 << 24) | 1; // 127.0.0.1
  const blocks: string[] = [];
  for (let bits = 1; bits <= 32; bits++) {
    // The network of prefix length `bits` that shares the first bits-1 bits with the host and differs in the last.
    const flipped = (host ^ (1 << (32 - bits))) >>> 0;
    const mask = (0xffffffff << (32 - bits)) >>> 0;
    blocks.push(`${ipv4((flipped & mask) >>> 0)}/${bits}`);
  }
  return blocks;
}

function ipv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}
