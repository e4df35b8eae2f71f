#!/usr/bin/env python3
# Aggregates a JFR recording's jdk.ExecutionSample stacks by gateway feature (access log, logging, auth, SHA-256,
# fault tolerance, Micrometer, Jackson, REST client, RESTEasy, Vert.x, Netty, ArC): the innermost feature frame of
# each sample (sums to 100%), inclusive shares, leaf packages, and per feature its hottest frames with the nearest
# gateway frame below them. How the figures in the issue 13 notes were made (JDK 17, gateway in real mode against
# the stub of bench/perf.sh, warmed up with 6000 GETs, then 20000 GETs recorded):
#   java -XX:FlightRecorderOptions:stackdepth=256 ... -jar quarkus-run.jar
#   jcmd <pid> JFR.start name=p settings=<profile.jfc with jdk.ExecutionSample period 1 ms>
#   java bench/LoadClient.java http://127.0.0.1:PORT/api/2/reports/ID KEY 20000 4
#   jcmd <pid> JFR.dump name=p filename=get.jfr
#   jfr print --json --stack-depth 256 --events jdk.ExecutionSample get.jfr > get.json
#   python3 bench/jfr-features.py get.json [rows per feature]
import json, sys, collections, re
data = json.load(open(sys.argv[1]))
events = data['recording']['events']
# feature markers: first (innermost, from the leaf) frame matching decides the "innermost feature";
# inclusive: any frame in the stack matches
features = [
 ('access log', r'dev\.reportgateway\.web\.AccessLog|dev\.reportgateway\.web\.ExchangeEnd'),
 ('logging (jboss-logmanager, formatting, redaction filter)', r'org\.jboss\.logmanager|dev\.reportgateway\.logging|java\.util\.Formatter|io\.quarkus\.bootstrap\.logging|org\.jboss\.logging'),
 ('auth: API key mechanism/identity (incl. SHA-256)', r'dev\.reportgateway\.web\.(ApiKey|ApiKeys|AuthenticationFirst|TenantScope|Roles)|io\.quarkus\.security|io\.quarkus\.vertx\.http\.runtime\.security|io\.smallrye\.mutiny.*security'),
 ('SHA-256 / MessageDigest', r'sun\.security\.provider\.(SHA|DigestBase)|java\.security\.MessageDigest'),
 ('fault tolerance (SmallRye FT)', r'io\.smallrye\.faulttolerance|dev\.reportgateway\.acronis\.UpstreamGuards'),
 ('micrometer meters', r'io\.micrometer|io\.quarkus\.micrometer|dev\.reportgateway\.acronis\.UpstreamMetrics'),
 ('Jackson (JSON parse/serialize)', r'com\.fasterxml\.jackson'),
 ('REST client (upstream call)', r'org\.jboss\.resteasy\.reactive\.client|io\.quarkus\.rest\.client|io\.vertx\.core\.http\.impl\.Http1xClient|io\.vertx\.core\.http\.impl\.HttpClient'),
 ('OIDC client / token', r'io\.quarkus\.oidc\.client|dev\.reportgateway\.acronis\.(AcronisTokens|AcronisAuthHeaders)'),
 ('ArC / CDI / context propagation', r'io\.quarkus\.arc|io\.smallrye\.context'),
 ('RESTEasy Reactive server', r'org\.jboss\.resteasy\.reactive\.server|io\.quarkus\.resteasy\.reactive\.server'),
 ('Vert.x web / http server', r'io\.vertx\.ext\.web|io\.vertx\.core\.http\.impl\.Http1xServer|io\.quarkus\.vertx\.http'),
 ('Netty', r'io\.netty'),
]
def name(f):
    m = f['method']
    return m['type']['name'].replace('/', '.') + '.' + m['name']
n = 0
incl = collections.Counter(); inner = collections.Counter(); leafpkg = collections.Counter(); leaf = collections.Counter()
gwframes = collections.Counter(); threads = collections.Counter()
for e in events:
    st = e['values'].get('stackTrace')
    if not st: continue
    frames = [name(f) for f in st['frames']]
    n += 1
    threads[re.sub(r'\d+', 'N', e['values']['sampledThread']['javaName'] or '?')] += 1
    top = frames[0]
    leaf[top] += 1
    leafpkg['.'.join(top.split('.')[:3])] += 1
    seen = set()
    innermost = None
    for fr in frames:
        for fname, pat in features:
            if re.match(pat, fr):
                if fname not in seen: seen.add(fname); incl[fname] += 1
                if innermost is None: innermost = fname
    inner[innermost or 'other (JDK, threads, ...)'] += 1
    for fr in set(frames):
        if fr.startswith('dev.reportgateway'): gwframes[fr] += 1
print(f'{n} samples')
print('\n== threads'); [print(f'{c*100/n:5.1f}%  {t}') for t, c in threads.most_common(8)]
print('\n== innermost feature on the stack (sums to 100%)'); [print(f'{c*100/n:5.1f}%  {t}') for t, c in inner.most_common()]
print('\n== inclusive: stack contains the feature (overlaps)'); [print(f'{c*100/n:5.1f}%  {t}') for t, c in incl.most_common()]
print('\n== leaf package'); [print(f'{c*100/n:5.1f}%  {t}') for t, c in leafpkg.most_common(15)]
print('\n== gateway methods on stack (inclusive)'); [print(f'{c*100/n:5.1f}%  {t}') for t, c in gwframes.most_common(25)]

print('\n== per innermost feature: the innermost feature frame, and the nearest gateway frame below it')
detail = collections.defaultdict(collections.Counter)
for e in events:
    st = e['values'].get('stackTrace')
    if not st: continue
    frames = [name(f) for f in st['frames']]
    for i, fr in enumerate(frames):
        hit = next((fname for fname, pat in features if re.match(pat, fr)), None)
        if hit:
            gw = next((g for g in frames[i:] if g.startswith('dev.reportgateway') and '$$Lambda' not in g and 'ClientProxy' not in g and '_Subclass' not in g), '-')
            detail[hit][(re.sub(r'\$\$Lambda.*', '$$Lambda', fr), gw)] += 1
            break
for fname, c in sorted(detail.items(), key=lambda kv: -sum(kv[1].values())):
    tot = sum(c.values())
    print(f'\n-- {fname}: {tot*100/n:.1f}%')
    for (fr, gw), k in c.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 8):
        print(f'   {k*100/n:5.2f}%  {fr}   <- {gw}')
