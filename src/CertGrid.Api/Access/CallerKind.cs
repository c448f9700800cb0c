namespace CertGrid.Api.Access;

/// <summary>Who is calling: nobody in particular, the platform operator, or a member of one community.</summary>
public enum CallerKind
{
    Anonymous,
    Operator,
    Member,
}
