import { configFromEnv, StartError } from "./config";
import { startLocalAws } from "./app";

async function main() {
  const config = configFromEnv();
  const aws = await startLocalAws(config);
  console.log(`local-aws listening on ${aws.url} (account ${config.accountId}, data in ${config.dataDir})`);
  const stop = () => aws.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof StartError ? err.message : err);
  process.exit(1);
});
