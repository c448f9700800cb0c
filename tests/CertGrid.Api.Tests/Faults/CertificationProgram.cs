namespace CertGrid.Api.Tests.Faults;

/// <summary>
/// The community the fault runs certify learners in, set up while the cluster is healthy: a published framework and a
/// credential decided by a panel of two, and six evaluators from six organisations (room for every concurrent flow).
/// </summary>
public sealed record CertificationProgram(string Community, string AdminKey, string CredentialDefinitionId, IReadOnlyDictionary<string, string> EvaluatorKeys)
{
    private static readonly string[] Organisations = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Woodgrove", "Litware"];

    public static async Task<CertificationProgram> SetUpAsync(GraphQlClient gateway)
    {
        var scenario = await CommunityScenario.CreateAsync(gateway);
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), evaluators: 2);
        var evaluators = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organisation in Organisations)
        {
            var (id, key) = await scenario.RegisterEvaluatorAsync(organisation);
            await scenario.GraphQl.DataAsync("mutation($id: ID!, $input: UpdateEvaluatorInput!) { updateEvaluator(id: $id, input: $input) { id } }",
                new { id, input = new { maxActiveAssignments = 100 } }, scenario.AdminKey);
            evaluators[id] = key;
        }

        return new CertificationProgram(scenario.Community, scenario.AdminKey, definitionId, evaluators);
    }
}
