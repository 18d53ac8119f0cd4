import json,sys,collections
import os; base=os.path.dirname(os.path.abspath(__file__))+"/"
bad=0
for slug in ["ostra-river-talks","dorvale-plant-closure"]:
    arts={}
    for l in open(base+slug+"/articles.jsonl"):
        a=json.loads(l); arts[a["id"]]=a
        assert set(a)=={"id","url","outlet","title","published","author","text","fictional"} and a["fictional"] is True
    e=json.load(open(base+slug+"/expected.json"))
    def chk(aid,t,what):
        global bad
        if aid not in arts: print("NO ARTICLE",slug,aid); bad+=1; return
        n=arts[aid]["text"].count(t)
        if n!=1: print(f"{slug} {what} count={n}: {t!r}"); bad+=1
    st=collections.Counter()
    for d in e["demands"]:
        chk(d["article_id"],d["content"],"content"); st[d["status"]]+=1
        assert d["status"] in {"open","promised","partly met","met","refused"}
        for a in d["answers"]: chk(a["article_id"],a["text"],"answer "+a["kind"])
        for a in d.get("restated",[]): chk(a["article_id"],a["text"],"restated")
    for n in e["not_done"]: chk(n["article_id"],n["text"],"not_done")
    print(slug,len(arts),"articles",len(e["demands"]),"demands",dict(st),"not_done",len(e["not_done"]))
print("problems:",bad); sys.exit(bad>0)
