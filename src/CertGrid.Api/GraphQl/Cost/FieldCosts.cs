using System.Collections.Frozen;

namespace CertGrid.Api.GraphQl.Cost;

/// <summary>
/// The fields that cost more than they look, by schema coordinate (<c>Type.field</c>): cryptography (verification,
/// signing, key generation), exports, whole-log or whole-community scans, and searches. Everything else costs by its
/// shape alone (<see cref="OperationCostCalculator"/>). Listed here, in one place, so clients read one table
/// (docs/api/limits.md) and a test checks that every coordinate still names a field of the schema.
/// </summary>
public static class FieldCosts
{
    public static readonly FrozenDictionary<string, FieldCost> ByCoordinate = new Dictionary<string, FieldCost>(StringComparer.Ordinal)
    {
        ["Query.verifyCredential"] = new(10, "verifies a signature and reads the status lists"),
        ["Query.verifyAuditLog"] = new(500, "recomputes every hash of the community's audit chain"),
        ["Query.auditLogJsonLines"] = new(10, "exports audit entries", PerItem: 0.1, DefaultItems: 1000),
        ["Query.credentials"] = new(10, "searches the community's credentials (also by signing key)"),
        ["Query.duplicateEvidence"] = new(50, "scans the evidence hashes of the whole community"),
        ["Query.divergentEvaluators"] = new(50, "compares every evaluator's decisions with their panels"),
        ["Query.learnerProgress"] = new(20, "evaluates the requirements of every credential the learner pursues"),
        ["Query.readinessReport"] = new(10, "scores the latest self-assessment and mentor review"),
        ["Query.evidenceDownload"] = new(5, "signs a short-lived storage URL"),
        ["Learner.comprehensiveRecord"] = new(100, "signs a CLR 2.0 record of every credential the learner holds"),
        ["Resource.downloadUrl"] = new(5, "signs a short-lived storage URL"),
        ["Mutation.createCommunity"] = new(100, "creates the community's signing key and stores"),
        ["Mutation.rotateSigningKey"] = new(100, "generates a signing key pair"),
        ["Mutation.reissueCredential"] = new(50, "signs a new credential and revokes the old one"),
        ["Mutation.renewCredential"] = new(50, "signs the renewed credential"),
        ["Mutation.retireCompromisedSigningKey"] = new(100, "withdraws a key and marks what it signed"),
        ["Mutation.processRenewals"] = new(500, "processes every renewal deadline that is due"),
        ["Mutation.applyRetentionPolicy"] = new(500, "erases a batch of inactive learners"),
        ["Mutation.requestArtifactUpload"] = new(5, "signs a short-lived storage URL"),
        ["Mutation.curateResource"] = new(5, "may sign a short-lived storage URL"),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
