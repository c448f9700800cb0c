using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Recognition;
using CertGrid.Abstractions.Resources;
using CertGrid.Domain.Languages;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Resources;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Recognition;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Resources;

/// <summary>
/// The community's curated preparatory resources. Links are published at once; files go straight to blob storage
/// through a short-lived URL and are published once CertGrid read them back (size, type, SHA-256). A person who
/// curates (not an admin key) is credited with a curation contribution once an admin confirms the published resource.
/// </summary>
public sealed class ResourceLibraryGrain(
    [PersistentState("resources", StorageNames.GrainStore)] IPersistentState<ResourceLibraryState> state,
    ArtifactStore files,
    IOptions<PortfolioOptions> portfolioOptions)
    : DurableGrain<ResourceLibraryState>(state), IResourceLibraryGrain
{
    public const int MaxResources = 2000;
    private static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromMinutes(15);
    private readonly PortfolioOptions _limits = portfolioOptions.Value;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<CuratedResource> CurateAsync(CurateResource command, string curator, string actor)
    {
        if (State.Resources.Count >= MaxResources)
        {
            throw CertGridException.Policy($"A resource library holds at most {MaxResources} resources.");
        }

        var codes = InputRules.RequireCount(command.CompetencyCodes ?? [], "input.competencyCodes", 0, 20)
            .Select((c, i) => RubricRules.RequireCode(c, $"input.competencyCodes[{i}]")).Distinct().ToList();
        var definitions = InputRules.RequireCount(command.DefinitionIds ?? [], "input.credentialIds", 0, 10)
            .Select((d, i) => EntityId.Require(d, IdPrefixes.CredentialDefinition, $"input.credentialIds[{i}]")).Distinct().ToList();
        if (codes.Count + definitions.Count == 0)
        {
            throw CertGridException.Invalid("input.competencyCodes", "Tag the resource with at least one competency or credential, so it can be recommended.");
        }

        foreach (var id in definitions)
        {
            _ = await GrainFactory.CredentialDefinition(Community, id).GetAsync();
        }

        var resourceId = EntityId.New(IdPrefixes.Resource);
        var url = InputRules.OptionalHttpsUrl(command.Url, "input.url")?.ToString();
        var resource = new Resource(resourceId, InputRules.RequireText(command.Title, "input.title"), InputRules.OptionalText(command.Description, "input.description"),
            url is null ? ResourceKind.File : ResourceKind.Link, url, null, codes, definitions, curator, Now, url is not null,
            LanguageMap.Validate(command.TitleTranslations, "input.titleTranslations", InputRules.NameMaxLength),
            LanguageMap.Validate(command.DescriptionTranslations, "input.descriptionTranslations"));

        ArtifactUploadTicket? ticket = null;
        if (url is null)
        {
            var fileName = PortfolioRules.RequireFileName(command.FileName);
            var contentType = InputRules.RequireText(command.ContentType, "input.contentType", 100).ToLowerInvariant();
            _limits.Policy.CheckDeclared(contentType, command.SizeBytes ?? 0);
            var blobName = $"{Community}/resources/{resourceId}/v1";
            var (uploadUrl, expiresAt) = await files.CreateUploadUrlAsync(blobName, _limits.UploadUrlLifetime);
            State.Pending[resourceId] = new PendingUpload(1, fileName, contentType, command.SizeBytes!.Value, blobName, expiresAt);
            ticket = new ArtifactUploadTicket(resourceId, 1, uploadUrl, expiresAt, new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = contentType });
        }

        State.Resources[resourceId] = resource;
        return await SaveAnsweringAsync(new CuratedResource(resource, ticket), AuditEvent(actor, "resource.curated", resourceId, new { resource.Title, kind = resource.Kind.ToString(), resource.Url, codes, definitions, curator }));
    }

    public async Task<Resource> CommitFileAsync(string resourceId, string actor)
    {
        var resource = Require(resourceId);
        if (resource.File is not null)
        {
            return resource;
        }

        var pending = State.Pending.GetValueOrDefault(resourceId)
            ?? throw CertGridException.Invalid("resourceId", $"Resource '{resourceId}' is a link; only file resources are committed.");
        var stored = await files.InspectAsync(pending.BlobName, _limits.MaxArtifactBytes)
            ?? throw CertGridException.Invalid("resourceId", "No file was uploaded yet. PUT it to the upload URL, then commit.");
        if (PortfolioRules.FindRejection(_limits.Policy, pending, stored) is { } rejection)
        {
            await files.DeleteAsync(pending.BlobName);
            throw CertGridException.Policy(rejection);
        }

        var committed = resource with { File = new ResourceFile(pending.FileName, stored.ContentType, stored.SizeBytes, stored.Sha256, pending.BlobName), Published = true };
        State.Resources[resourceId] = committed;
        State.Pending.Remove(resourceId);
        return await SaveAnsweringAsync(committed, AuditEvent(actor, "resource.file-committed", resourceId, new { pending.FileName, stored.ContentType, stored.SizeBytes, stored.Sha256 }));
    }

    public async Task<Resource> ConfirmCurationAsync(string resourceId, string actor)
    {
        var resource = Require(resourceId);
        if (resource.CurationConfirmedBy is null)
        {
            if (!resource.Published)
            {
                throw CertGridException.Policy($"Resource '{resourceId}' is not published (withdrawn, or its file not committed yet): only a published resource can be confirmed.");
            }

            resource = resource with { CurationConfirmedBy = actor };
            State.Resources[resourceId] = resource;
            if (CuratedByAPerson(resource))
            {
                // Counted once per resource, by the outbox, even if the contributor's grain does not answer now.
                Cause(new CountContribution(resource.CuratedBy, ContributionKind.Curating, resource.Id));
            }

            await SaveAnsweringAsync(resource, AuditEvent(actor, "resource.curation-confirmed", resourceId, new { resource.Title, resource.CuratedBy }));
        }

        return resource;
    }

    public async Task<Resource> WithdrawAsync(string resourceId, string actor)
    {
        var resource = Require(resourceId);
        if (resource.Published)
        {
            resource = resource with { Published = false };
            State.Resources[resourceId] = resource;
            return await SaveAnsweringAsync(resource, AuditEvent(actor, "resource.withdrawn", resourceId, new { resource.Title }));
        }

        return resource;
    }

    public Task<IReadOnlyList<Resource>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Resource>>(State.Resources.Values.OrderByDescending(r => r.CuratedAt).ToList());

    public async Task<Uri> DownloadUrlAsync(string resourceId)
    {
        var resource = Require(resourceId);
        return resource is { Published: true, File: { } file }
            ? await files.CreateReadUrlAsync(file.BlobName, DownloadUrlLifetime)
            : throw CertGridException.NotFound("File resource", resourceId);
    }

    /// <summary>Credits the curator (a learner or evaluator; admin keys are not people) with a curation.</summary>
    private static bool CuratedByAPerson(Resource resource) =>
        resource.CuratedBy.StartsWith("learner:", StringComparison.Ordinal) || resource.CuratedBy.StartsWith("evaluator:", StringComparison.Ordinal);

    private Resource Require(string resourceId) => State.Resources.GetValueOrDefault(resourceId) ?? throw CertGridException.NotFound("Resource", resourceId);
}
