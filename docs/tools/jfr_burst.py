"""Attributes a JFR recording's CPU samples in a time window to what the server was doing
(docs/performance.md, "Exam day"). Each sample goes to the first category one of whose
frames it contains, in the order below.

  jfr print --events jdk.ExecutionSample --stack-depth 200 recording.jfr > samples.txt
  python3 docs/tools/jfr_burst.py 23:46:02 23:46:26 < samples.txt

Times are the recording's local wall-clock times (HH:MM:SS), as jfr print shows them.
"""
import sys, re, collections
t0, t1 = sys.argv[1], sys.argv[2]
events=[]; ev=None; ins=False
for line in sys.stdin:
    s=line.strip()
    if s.startswith('jdk.ExecutionSample'):
        if ev: events.append(ev)
        ev={'f':[], 't':None}; ins=False; continue
    if ev is None: continue
    if s.startswith('startTime'): ev['t']=s.split('=')[1].strip().split(' ')[0]
    elif s.startswith('stackTrace'): ins=True
    elif ins:
        if s==']': ins=False; continue
        m=re.match(r'([\w$.<>/]+)\(', s)
        if m: ev['f'].append(m.group(1))
if ev: events.append(ev)
win=[e for e in events if e['t'] and t0<=e['t'][:8]<=t1]
N=len(win)
cats=[
 ('bcrypt (form login)', ['crypto.bcrypt']),
 ('AOP auto-proxy of the new view (advisor matching per instance)', ['AbstractAutoProxyCreator.wrapIfNecessary']),
 ('QuizService.startQuiz (draw, SQL, session)', ['QuizService.startQuiz']),
 ('method-security check itself (AuthorizationManager...attemptAuthorization)', ['AuthorizationManagerBeforeMethodInterceptor.attemptAuthorization']),
 ('QuizView builds the page (components)', ['learning.ui.QuizView', 'learning.ui.ExamAttemptPages']),
 ('UIDL response: collect + JSON-encode changes', ['UidlWriter', 'UidlRequestHandler.writeUidl']),
 ('other Vaadin navigation (router, layout, view creation)', ['Router.executeNavigation', 'AbstractNavigationStateRenderer']),
 ('UIDL request parsing / RPC dispatch', ['ServerRpcHandler']),
 ('heartbeats', ['HeartbeatHandler']),
 # Not our StaticCaching filter: every request passes it (before 2026-12-07 it was
 # listed here, and the filter chain of the burst was counted as static resources).
 ('static resources / bootstrap', ['StaticFileServer', 'BootstrapHandler', 'IndexHtml']),
 ('servlet filters, Tomcat, I/O', ['org.apache', 'FilterChainProxy', 'org.springframework.security.web']),
]
c=collections.Counter()
for e in win:
    for name, needles in cats:
        if any(any(n in f for n in needles) for f in e['f']):
            c[name]+=1; break
    else:
        c['other: ' + (e['f'][-1] if e['f'] else '(none)')]+=1
print(f"window {t0}-{t1}: {N} samples")
for k,v in c.most_common(25): print(f"{100*v/N:5.1f}%  {v:5d}  {k}")
