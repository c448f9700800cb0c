using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// What <c>azd provision</c> would deploy for a set of parameter values, predicted offline by <c>bicep snapshot</c>
/// from infra/main.bicep itself (every expression evaluated except the values only Azure knows at deployment time:
/// endpoints, identity ids, the environments' static IP and domain). The container apps are read from it.
/// </summary>
public static class DeploymentSnapshot
{
    /// <param name="parameters">Bicep parameter values as ops set them through azd (<c>siloCount</c>, port bases, ...).</param>
    public static async Task<IReadOnlyList<ContainerAppSpec>> ContainerAppsAsync(string environmentName, string operatorKey, IReadOnlyDictionary<string, int> parameters)
    {
        var folder = Directory.CreateTempSubdirectory("certgrid-snapshot-");
        try
        {
            var main = Path.Combine(TestEnvironment.RepositoryRoot, "infra", "main.bicep");
            var lines = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"using '{Path.GetRelativePath(folder.FullName, main).Replace('\\', '/')}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param environmentName = '{environmentName}'")
                .AppendLine("param location = 'westeurope'")
                .AppendLine(CultureInfo.InvariantCulture, $"param operatorKeyHash = '{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operatorKey)))}'")
                .AppendLine("param certgridExists = true");
            foreach (var (name, value) in parameters)
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"param {name} = {value}");
            }

            var parametersFile = Path.Combine(folder.FullName, "simulation.bicepparam");
            await File.WriteAllTextAsync(parametersFile, lines.ToString());
            var (exitCode, output) = await BicepCli.RunAsync(folder.FullName, "snapshot", parametersFile,
                "--subscription-id", "00000000-0000-0000-0000-000000000001", "--tenant-id", "00000000-0000-0000-0000-000000000002", "--location", "westeurope");
            Assert.True(exitCode == 0, output);
            using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(parametersFile, ".snapshot.json")));
            return [.. snapshot.RootElement.GetProperty("predictedResources").EnumerateArray()
                .Where(r => r.GetProperty("type").GetString() == "Microsoft.App/containerApps")
                .Select(ContainerAppSpec.Parse)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
