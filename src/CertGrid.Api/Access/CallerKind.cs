namespace CertGrid.Api.Access;

/// <summary>Who is calling: nobody in particular, the platform operator, a member of one community, or a partner organisation (platform-level, reaching the communities that granted it).</summary>
public enum CallerKind
{
    Anonymous,
    Operator,
    Member,
    Partner,
}
