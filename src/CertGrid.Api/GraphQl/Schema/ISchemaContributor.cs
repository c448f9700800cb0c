namespace CertGrid.Api.GraphQl.Schema;

/// <summary>
/// A feature's part of the schema: it adds its fields to the root query and mutation types. Each feature
/// folder has one, registered in <see cref="CertGridApi"/>, so a feature's GraphQL surface lives with it.
/// </summary>
public interface ISchemaContributor
{
    void AddQueries(RootQuery query);

    void AddMutations(RootMutation mutation);

    /// <summary>Adds live streams to the root subscription type; most features have none.</summary>
    void AddSubscriptions(RootSubscription subscription)
    {
    }
}
