"""List models through `conform mock` with the vendors' own Python SDKs, strict validation on.

Real clients nobody here wrote are the best check that the mock speaks the documented contract:
each SDK is pointed at the mock (`base_url`), told to validate responses strictly, and asked to list
(and where documented, fetch) models. Exits non-zero on the first disagreement.

Usage: python sdk_clients.py BASE_URL
"""
import sys

base = sys.argv[1].rstrip("/")
failures = []


def check(name, fn):
    try:
        detail = fn()
        print(f"  ok    {name}: {detail}")
    except Exception as e:  # noqa: BLE001 — report every SDK failure, then exit non-zero
        failures.append(name)
        print(f"  FAIL  {name}: {type(e).__name__}: {str(e)[:300]}")


def scale_gp_v4():
    from scale_gp import SGPClient
    client = SGPClient(api_key="sdk-test-key", base_url=base, _strict_response_validation=True)
    first = client.models.list(limit=7)
    total = first.total_item_count
    # Auto-pagination: the v4 SDK asks for page+1 until a page comes back empty.
    seen = [m.id for m in client.models.list(limit=7)]
    assert len(seen) == len(set(seen)), "an id appeared on two pages"
    assert len(seen) == total, f"walked {len(seen)} models, total_item_count says {total}"
    return f"GET /v4/models auto-paginated {len(seen)} models over {-(-total // 7) + 1} pages (last one empty)"


def scale_gp_v5():
    from scale_gp_beta import SGPClient
    # The v5 SDK insists on an account (sent as x-selected-account-id, a header the get-model document lists).
    client = SGPClient(api_key="sdk-test-key", account_id="conform-account", base_url=base, _strict_response_validation=True)
    page = client.models.list(limit=5)
    assert page.items, "first page is empty"
    fetched = client.models.retrieve(page.items[0].id)
    assert fetched.id == page.items[0].id and fetched.name == page.items[0].name, "get-by-id disagrees with the list"
    vendor = page.items[0].api_model_vendor  # pydantic alias of model_vendor
    filtered = client.models.list(limit=1000, model_vendor=vendor)
    assert all(m.api_model_vendor == vendor for m in filtered.items), "model_vendor filter not honoured"
    return f"GET /v5/models {len(page.items)} items (has_more={page.has_more}); GET /v5/models/{{id}} agrees; filter by {vendor} ok"


def gradient():
    from gradient import Gradient
    client = Gradient(access_token="sdk-test-token", base_url=base, _strict_response_validation=True)
    resp = client.models.list(per_page=5)
    assert resp.models, "no models"
    pages = resp.meta.pages if resp.meta else None
    return f"GET /v2/gen-ai/models {len(resp.models)} models on page 1 of {pages}"


check("scale-gp (v4) list with auto-pagination", scale_gp_v4)
check("scale-gp-beta (v5) list, retrieve, filter", scale_gp_v5)
check("gradient list", gradient)
print(f"{3 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
