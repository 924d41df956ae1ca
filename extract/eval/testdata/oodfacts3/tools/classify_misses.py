"""Classes the fact misses of `claimgraph eval facts --misses` runs by what lost each
fact (one class a miss), one column a set, as in ../README.md.

Input: a file of runs, each preceded by a line "=== NAME" (the set's name), e.g.
    for s in oodtune oodtune2; do echo "=== $s"; claimgraph eval facts --misses extract/eval/testdata/$s; done > misses.txt
Run only on readable sets and tuning halves (never on an unseen half or on ../ood).
Usage: python3 classify_misses.py misses.txt [CLASS ...]   (CLASS: also list its misses)
"""
import re,sys,collections
txt=open(sys.argv[1]).read()
sets=re.split(r'^=== (\S+)\n',txt,flags=re.M)[1:]
table=collections.defaultdict(collections.Counter)
detail=collections.defaultdict(list)
for name,body in zip(sets[::2],sets[1::2]):
    for m in re.finditer(r'^(\S+/f\d+)  span (\w+), speaker (\w+), value (\w+)\n  claim "(.*)"\n  gold speaker "(.*)" value (.*)\n((?:  pred.*\n)*)',body,flags=re.M):
        fid,sp,spk,val,claim,gs,gv,preds=m.groups()
        hasval = gv.strip()!='-'
        if sp=='MISS':
            c='claim not made, with a figure' if hasval else 'claim not made, no figure'
        elif val=='MISS':
            # qualifier?
            num=gv.split()[0]
            if num in preds: c='figure: qualifier wrong'
            else: c='figure: value not read'
        elif spk=='MISS':
            speakers=re.findall(r'speaker \[(.*?)\]',preds)
            if any(s.strip() for s in speakers): c='speaker wrong'
            else: c='speaker unresolved'
        else: c='speaker and figure on different predictions'
        table[c][name]+=1
        detail[c].append((name,fid,claim,gs,gv,preds))
names=[n for n in sets[::2]]
print('| class | '+' | '.join(names)+' | all |')
for c,cnt in sorted(table.items(),key=lambda x:-sum(x[1].values())):
    print('| '+c+' | '+' | '.join(str(cnt.get(n,0)) for n in names)+' | %d |'%sum(cnt.values()))
if len(sys.argv)>2:
    for c in sys.argv[2:]:
        for d in detail[c]: print(c,'|',d[0],d[1],'|',d[2],'| gold:',d[3],d[4],'\n   ',d[5].replace('\n','\n    ')[:600])
