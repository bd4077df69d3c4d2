// The part of autocannon@9's API bench/http uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    };
    type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
    type Histogram = { p50: number; p99: number; total: number; average: number };
    type Result = { duration: number; errors: number; timeouts: number; non2xx: number; latency: Histogram; requests: Histogram };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
