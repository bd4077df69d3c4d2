"""Extract input constraints (required, lengths, patterns, ranges, enums) from the botocore
service models shipped with the AWS CLI into checked-in JSON tables that local-aws validates with.
Run by hand (`npm run gen:constraints`); the project never needs Python at run or test time."""
import gzip, json, os, botocore

ROOT = os.path.join(os.path.dirname(botocore.__file__), "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "local-aws", "protocol", "constraints")
SERVICES = {"iam": "2010-05-08", "sts": "2011-06-15", "organizations": "2016-11-28"}
KEEP = ("type", "min", "max", "pattern", "enum", "required", "sensitive")

for service, version in SERVICES.items():
    with gzip.open(os.path.join(ROOT, service, version, "service-2.json.gz")) as f:
        model = json.load(f)
    shapes, ops = {}, {}

    def visit(name):
        if name in shapes:
            return
        shape = model["shapes"][name]
        out = {k: shape[k] for k in KEEP if k in shape}
        shapes[name] = out
        if shape["type"] == "structure":
            out["members"] = {m: v["shape"] for m, v in shape.get("members", {}).items()}
            for v in shape.get("members", {}).values():
                visit(v["shape"])
        elif shape["type"] == "list":
            out["member"] = shape["member"]["shape"]
            visit(shape["member"]["shape"])
        elif shape["type"] == "map":
            out["key"], out["value"] = shape["key"]["shape"], shape["value"]["shape"]
            visit(shape["key"]["shape"])
            visit(shape["value"]["shape"])

    for op_name, op in model["operations"].items():
        if "input" in op:
            ops[op_name] = op["input"]["shape"]
            visit(op["input"]["shape"])
    with open(os.path.join(OUT, f"{service}.json"), "w") as f:
        json.dump({"operations": ops, "shapes": dict(sorted(shapes.items()))}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(service, len(ops), "operations", len(shapes), "shapes")
