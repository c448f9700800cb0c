using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class CredentialTierType : EnumerationGraphType<CredentialTier>
{
    public CredentialTierType()
    {
        Name = "CredentialTier";
        Description = "FOUNDATIONAL, ADVANCED, SPECIALISATION or MICRO_CREDENTIAL.";
    }
}

public sealed class PublicationStatusType : EnumerationGraphType<PublicationStatus>
{
    public PublicationStatusType()
    {
        Name = "PublicationStatus";
        Description = "DRAFT can still change; PUBLISHED is in force and never changes.";
    }
}
