#!/usr/bin/env python3
"""Generate a valid synthetic incidents repository for benchmarks.

usage: bench/generate.py OUT_DIR INCIDENTS

Writes INCIDENTS incidents and three remediation items each (so 4 x INCIDENTS records),
with realistic front matter and 1-2 KB bodies, spread over year folders, plus a
.incidents.yml. The result passes `incidents check` with exit 0 at --today 2026-11-26.
Deterministic: the same arguments give the same files.
"""

import os
import random
import sys
from datetime import datetime, timedelta

SERVICES = ["checkout-api", "payments-ledger", "search-indexer", "auth-gateway", "notification-fanout",
            "cart-service", "inventory-sync", "pricing-engine", "media-transcoder", "session-store"]
MODES = ["cache invalidation race after partial deploy of {s}",
         "{s} consumer assumes the nullable region column is always set",
         "retry storm from {s} when the upstream returns 503 for over 30s",
         "{s} health check passes before the connection pool is warm",
         "schema migration on {s} locks the orders table under peak traffic",
         "config drift between {s} canary and main fleet"]
CLASSES = ["state-mismatch-during-partial-deploy", "schema-assumption-drift", "retry-storm",
           "capacity-exhaustion", "config-drift", "certificate-expiry"]
OWNERS = ["team-checkout", "team-payments", "team-search", "maria.chen", "dana.okafor", "sam.okoro"]
PARAGRAPH = ("Error rates on {s} rose above the alert threshold shortly after the rollout reached the "
             "second availability zone. The on-call engineer confirmed the symptom by replaying a sample "
             "of production requests against a canary pod and compared the latency histograms. ")


def body(service, rng, kind):
    lines = ["", "## Summary", "", PARAGRAPH.format(s=service) * rng.randint(1, 2), ""]
    if kind == "incident":
        lines += ["## Timeline", ""]
        lines += [f"- {h:02d}:{rng.randint(0, 59):02d} step {h} of the response on {service}" for h in range(8, 8 + rng.randint(6, 12))]
    else:
        lines += ["## Causal analysis", "", PARAGRAPH.format(s=service) * rng.randint(2, 4)]
    lines += ["", "## Notes", "", PARAGRAPH.format(s=service)]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(42)
    os.makedirs(os.path.join(out, "incidents"), exist_ok=True)
    with open(os.path.join(out, ".incidents.yml"), "w") as f:
        f.write("dir: incidents\nrules:\n  overdue: warning\n")
    start = datetime(2016, 1, 1)
    span = (datetime(2026, 10, 1) - start).total_seconds()
    for n in range(1, count + 1):
        opened = start + timedelta(seconds=span * n / (count + 1))
        stabilized = opened + timedelta(minutes=rng.randint(20, 600))
        closed = stabilized + timedelta(days=rng.randint(10, 40))
        service = rng.choice(SERVICES)
        modes = [m.format(s=service) for m in rng.sample(MODES, 3)]
        folder = os.path.join(out, "incidents", str(opened.year))
        os.makedirs(folder, exist_ok=True)
        iid = f"INC-{n}"
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        with open(os.path.join(folder, f"{iid}-{service}.md"), "w") as f:
            f.write("---\n")
            f.write(f"kind: incident\nid: {iid}\ntitle: {service} errors after rollout {n}\n")
            f.write(f"severity: SEV{rng.randint(1, 4)}\nstatus: closed\nopened: {opened.strftime(fmt)}\n")
            f.write(f"commander: {rng.choice(OWNERS)}\nfailure_modes:\n")
            f.writelines(f"  - {m}\n" for m in modes)
            f.write(f"classes: [{rng.choice(CLASSES)}]\nstabilization:\n")
            f.write(f"  signal: 5xx rate on {service} above 2% in the golden-signals dashboard\n")
            f.write(f"  intervention: rolled {service} back to the previous release\n")
            f.write(f"  rollback: redeploy the new release with a 10% canary if the old one misbehaves\n")
            f.write(f"  verification: 5xx under 0.1% for 30 minutes; p99 back to baseline\n")
            f.write(f"  stabilized_at: {stabilized.strftime(fmt)}\n")
            f.write(f"closed_at: {closed.strftime('%Y-%m-%d')}\n---\n")
            f.write(body(service, rng, "incident"))
        for r, mode in enumerate(modes, start=1):
            rid = f"{iid}-R{r}"
            validated = stabilized + timedelta(days=rng.randint(2, 9))
            with open(os.path.join(folder, f"{rid}-{service}.md"), "w") as f:
                f.write("---\n")
                f.write(f"kind: remediation\nid: {rid}\nincident: {iid}\nfailure_mode: {mode}\n")
                f.write(f"owner: {rng.choice(OWNERS)}\ndue: {(stabilized + timedelta(days=10)).strftime('%Y-%m-%d')}\n")
                f.write(f"validation: integration test on {service} that reproduces the failure and asserts recovery\n")
                f.write(f"status: validated\nchange: https://git.example.com/{service}/pull/{n * 10 + r}\n")
                f.write(f"evidence: CI run {rng.randint(10000, 99999)} passed\n")
                f.write(f"validated_at: {validated.strftime('%Y-%m-%d')}\n---\n")
                f.write(body(service, rng, "remediation"))


if __name__ == "__main__":
    main()
