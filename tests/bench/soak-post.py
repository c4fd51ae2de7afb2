#!/usr/bin/env python3
# tests/bench/soak-post.py URL SECONDS [FLOWS-PER-SECOND]
#
# The POST paths of the soak (tests/bench/soak.sh), beside wrk's GETs, at
# a bounded rate (1 flow a second by default; soak.sh asks for one every
# 4 s; either way inside the issuer's top-up limit of 100,000 yen a day for
# the soak's 60 s: 1,000 yen a flow): each flow loads the registration form 20
# times (past the mock's 16 form tokens a member), registers the test card
# 5555 5555 5555 4444 through 3-D Secure (form token, POST, the one-time
# code from /admin/one-time-codes, the challenge answer), tops up 1,000 yen
# with it, and removes it. Its own session. Every answer but the expected
# one counts as unexpected; the last line is
#   post: FLOWS flows, REQUESTS requests, UNEXPECTED unexpected answers
import http.client
import json
import sys
import time
import uuid
from urllib.parse import urlsplit

url = urlsplit(sys.argv[1])
seconds = float(sys.argv[2])
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0

cookie = ''
requests = 0
unexpected = 0
first_bad = None


def call(method, path, body=None, key=False, expect=200):
    global cookie, requests, unexpected, first_bad
    headers = {'Accept': 'application/json'}
    if cookie:
        headers['Cookie'] = cookie
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers['Content-Type'] = 'application/json'
    if key:
        headers['Idempotency-Key'] = str(uuid.uuid4())
    # a connection per request: a flow a second needs no keep-alive
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request(method, path, body=data, headers=headers)
    answer = conn.getresponse()
    text = answer.read()
    conn.close()
    requests += 1
    for name, value in answer.getheaders():
        if name.lower() == 'set-cookie' and value.startswith('issuer_session='):
            cookie = value.split(';', 1)[0]
    if answer.status != expect:
        unexpected += 1
        if first_bad is None:
            first_bad = '%s %s: %d %s' % (method, path, answer.status, text[:200])
        return None
    return json.loads(text) if text else {}


def flow():
    # 20 loads of the form, more than the 16 form tokens the mock keeps a
    # member (the cap the soak once showed was missing); the last is used.
    for _ in range(20):
        form = call('GET', '/v1/charge-cards/registration')
        if form is None:
            return
    started = call('POST', '/v1/charge-cards', {
        'form_token': form['form_token'], 'number': '5555555555554444', 'exp_month': 12,
        'exp_year': 2030, 'cvc': '123', 'holder_name': 'TARO YAMADA'}, key=True, expect=202)
    if started is None:
        return
    challenge = started['challenge']['id']
    codes = call('GET', '/admin/one-time-codes')
    if codes is None:
        return
    code = [c['code'] for c in codes['codes'] if c['challenge_id'] == challenge]
    if not code:
        global unexpected
        unexpected += 1
        return
    registered = call('POST', '/v1/charge-cards/challenges/' + challenge, {'code': code[0]},
                      key=True, expect=201)
    if registered is None:
        return
    card = registered['charge_card']['id']
    call('POST', '/v1/charges', {'charge_card_id': card, 'amount': 1000}, key=True, expect=201)
    call('DELETE', '/v1/charge-cards/' + card, expect=204)


call('POST', '/v1/session', {'member_id': 'demo', 'password': 'demo'}, expect=201)
flows = 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    due = start + flows / rate
    now = time.monotonic()
    if due > now:
        time.sleep(due - now)
    flow()
    flows += 1

if first_bad:
    print('post: first unexpected answer: ' + first_bad)
print('post: %d flows, %d requests, %d unexpected answers' % (flows, requests, unexpected))
sys.exit(0 if flows > 0 and unexpected == 0 else 1)
