import neo4j from "neo4j-driver";
import { connect } from "/work/main/src/store/driver.ts";
import { runReadOnlyQuery } from "/work/main/src/store/query/runner.ts";
const store = await connect({ uri: "bolt://127.0.0.1:47687", user: "neo4j", password: "analyst-pass", database: "neo4j" });
const tryq = async (q: string, o = {}) => { try { const r = await runReadOnlyQuery(store, q, {}, o); console.log("OK", q.slice(0,60), r.rows.length, r.truncated, r.queryType, JSON.stringify(r.rows[0]).slice(0,150)); } catch (e: any) { console.log("ERR", q.slice(0,60), e.name, e.message.slice(0,200)); } };
await tryq("MATCH (n) RETURN n LIMIT 2");
await tryq("UNWIND range(1,5000) AS x RETURN x");
await tryq("CYPHER 5 MATCH (n) RETURN count(n)");
await tryq("SHOW INDEXES");
await tryq("CALL db.labels()");
await tryq("CALL db.labels() YIELD label RETURN label");
await tryq("UNWIND range(1,100000000) AS x WITH x WHERE x < 0 RETURN count(*)", { timeoutMs: 1000 });
await tryq("MATCH (n) RETURN nosuchfunc(n)");
await tryq("MATCH p=(a)-[r]->(b) RETURN p LIMIT 1");
await tryq("CALL dbms.security.listUsers()");
// access-mode check bypassing guard
const s = store.driver.session({ database: "neo4j", defaultAccessMode: neo4j.session.READ });
try { await s.executeRead(tx => tx.run("CREATE (n:Probe) RETURN n")); console.log("READ-MODE WROTE!"); } catch (e: any) { console.log("readmode:", e.code, e.message.slice(0,100)); }
try { const r = await s.executeRead(tx => tx.run("EXPLAIN CALL db.createLabel('X')")); console.log("qt", r.summary.queryType); } catch (e: any) { console.log("explain proc:", e.code); }
try { const r = await s.executeRead(tx => tx.run("EXPLAIN CREATE INDEX foo FOR (n:X) ON (n.y)")); console.log("qt idx", r.summary.queryType); } catch (e: any) { console.log("explain idx:", e.code); }
await s.close();
await store.close();
