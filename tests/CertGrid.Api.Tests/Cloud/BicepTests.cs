using CertGrid.Testing;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>The Azure deployment (infra/, Bicep) compiles and passes the linter with the Bicep CLI from NuGet.</summary>
public sealed class BicepTests
{
    [Fact]
    public async Task The_infrastructure_compiles_to_an_arm_template()
    {
        var (exitCode, output) = await RunAsync("build", "infra/main.bicep", "--stdout");
        Assert.True(exitCode == 0, output);
        var template = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", template.GetProperty("$schema").GetString());
    }

    [Fact]
    public async Task The_infrastructure_passes_the_linter_without_warnings()
    {
        var (exitCode, output) = await RunAsync("lint", "infra/main.bicep");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Azd_finds_the_service_and_the_infrastructure()
    {
        var azureYaml = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "azure.yaml"));
        Assert.Contains("host: containerapp", azureYaml);
        Assert.Contains("src/CertGrid.Server", azureYaml);
        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, "infra", "main.parameters.json")));
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => BicepCli.RunAsync(TestEnvironment.RepositoryRoot, arguments);
}
