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

public sealed class FrameworkVersionStatusType : EnumerationGraphType<FrameworkVersionStatus>
{
    public FrameworkVersionStatusType()
    {
        Name = "FrameworkVersionStatus";
        Description = "DRAFT → PROPOSED (to the steering committee) → APPROVED → PUBLISHED → RETIRED.";
    }
}

public sealed class VersionBumpType : EnumerationGraphType<VersionBump>
{
    public VersionBumpType()
    {
        Name = "VersionBump";
        Description = "PATCH for wording, MINOR for additions, MAJOR for removals or a new proficiency scale.";
    }
}

public sealed class FrameworkElementType : EnumerationGraphType<FrameworkElement>
{
    public FrameworkElementType()
    {
        Name = "FrameworkElement";
        Description = "What a framework change touches: the framework itself, a domain, a competency or a level.";
    }
}

public sealed class ChangeTypeType : EnumerationGraphType<ChangeType>
{
    public ChangeTypeType()
    {
        Name = "ChangeType";
        Description = "How an element changed between two framework versions: ADDED, REMOVED or CHANGED.";
    }
}

public sealed class PathwayStatusType : EnumerationGraphType<PathwayStatus>
{
    public PathwayStatusType()
    {
        Name = "PathwayStatus";
        Description = "DRAFT while being defined, ACTIVE while learners can follow it, RETIRED afterwards.";
    }
}
