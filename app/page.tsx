export const dynamic = "force-dynamic";

export default function Home() {
  const endpoint = process.env.CLEF_AWS_ENDPOINT ?? "http://127.0.0.1:4566";
  return (
    <main style={{ maxWidth: 720, margin: "64px auto", padding: "0 24px" }}>
      <h1>Clef</h1>
      <p>The IAM console is on its way. The local AWS backend answers at {endpoint}.</p>
      <p>
        Try it with the AWS CLI: <code>aws --endpoint-url {endpoint} iam list-users</code> (access key <code>test</code>,
        secret <code>test</code>).
      </p>
    </main>
  );
}
