// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Options { url: string, connections?: number, duration?: number, pipelining?: number }
  interface Histogram { average: number, p50: number, p99: number, total: number }
  interface Result { requests: Histogram, latency: Histogram, errors: number, non2xx: number, timeouts: number }
  export default function autocannon (options: Options): Promise<Result>
}
