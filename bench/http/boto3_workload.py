"""The boto3 workload of issue 12: 200 users with policies, attachments and lists, against one endpoint.

Usage: python3 boto3_workload.py ENDPOINT PREFIX. Prints {"seconds": ..., "calls": ...} as JSON; the time covers
the calls only, not creating the client. Results are not read back (ARNs are computed), so an endpoint answering
empty results (the floor server) runs the same calls.
"""
import json
import sys
import time

import boto3
from botocore.config import Config

USERS = 200
DOC = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
)


def main(endpoint: str, prefix: str) -> None:
    iam = boto3.client(
        "iam",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}),
    )
    account = iam.get_user().get("User", {}).get("Arn", "arn:aws:iam::000000000000:root").split(":")[4]
    path = f"/{prefix}/"
    calls = 0
    start = time.perf_counter()
    for i in range(USERS):
        name = f"{prefix}-user-{i}"
        iam.create_user(UserName=name, Path=path)
        iam.create_policy(PolicyName=f"{prefix}-policy-{i}", Path=path, PolicyDocument=DOC)
        iam.attach_user_policy(UserName=name, PolicyArn=f"arn:aws:iam::{account}:policy{path}{prefix}-policy-{i}")
        iam.put_user_policy(UserName=name, PolicyName="inline", PolicyDocument=DOC)
        iam.list_attached_user_policies(UserName=name)
        iam.list_user_policies(UserName=name)
        calls += 6
    for page in iam.get_paginator("list_users").paginate(PathPrefix=path):
        calls += 1
    for page in iam.get_paginator("list_policies").paginate(Scope="Local", PathPrefix=path):
        calls += 1
    print(json.dumps({"seconds": time.perf_counter() - start, "calls": calls}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
