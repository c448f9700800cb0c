using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using GraphQL;

namespace CertGrid.Api.Programs;

/// <summary>
/// Drafts are for admins: a framework or credential definition, and everything that belongs to it (its assessment and
/// lifespan policies), is visible to other community keys only once it is published. Refused readers are told it was
/// not found, exactly as for an id that does not exist.
/// </summary>
public static class ProgramAccess
{
    private const string Published = "a community key once it is published";

    /// <summary>Admins, or any member once the credential definition the field returns is published.</summary>
    public static AccessRule PublishedDefinitions { get; } =
        AccessRules.Admins | new ResultRule<CredentialDefinitionInfo>(Published, (_, d) => d.Status == PublicationStatus.Published);

    /// <summary>Admins, or any member once the framework the field returns is published.</summary>
    public static AccessRule PublishedFrameworks { get; } =
        AccessRules.Admins | new ResultRule<FrameworkInfo>(Published, (_, f) => f.Status == PublicationStatus.Published);

    /// <summary>Admins, or any member once the credential definition <paramref name="argument"/> names is published (for what belongs to it).</summary>
    public static AccessRule PublishedDefinitionNamedBy(string argument) => AccessRules.Admins | new LoadingRule<CredentialDefinitionInfo>(Published,
        ctx => ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id(argument, IdPrefixes.CredentialDefinition)).GetAsync(),
        (_, d) => d.Status == PublicationStatus.Published);
}
