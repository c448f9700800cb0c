using CertGrid.Domain.Renewals;
using GraphQL.Types;

namespace CertGrid.Api.Renewals;

public sealed class RenewalStageType : EnumerationGraphType<RenewalStage>
{
    public RenewalStageType()
    {
        Name = "RenewalStage";
        Description = "ACTIVE, RENEWAL_OPEN (window open), EXPIRED (suspended, still renewable), RENEWED, LAPSED (re-certification required) or CLOSED (revoked).";
    }
}

public sealed class RenewalEvidenceKindType : EnumerationGraphType<RenewalEvidence>
{
    public RenewalEvidenceKindType()
    {
        Name = "RenewalEvidenceKind";
        Description = "NONE, PORTFOLIO_ARTIFACT (reviewed by an admin) or REASSESSMENT (a passed attempt submitted in the window).";
    }
}

public sealed class LapseActionType : EnumerationGraphType<LapseAction>
{
    public LapseActionType()
    {
        Name = "LapseAction";
        Description = "EXPIRE (stays on record as expired) or REVOKE.";
    }
}

public sealed class EvidenceStatusType : EnumerationGraphType<EvidenceStatus>
{
    public EvidenceStatusType()
    {
        Name = "RenewalEvidenceStatus";
        Description = "Whether renewal evidence is IN_REVIEW, ACCEPTED or REJECTED.";
    }
}
