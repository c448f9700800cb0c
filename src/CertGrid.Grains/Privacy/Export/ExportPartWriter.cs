using System.Text.Json;
using System.Text.Json.Serialization;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Privacy.Export;

namespace CertGrid.Grains.Privacy.Export;

/// <summary>
/// Writes one part of a learner's export as JSON, item by item, straight to its output stream: every section reads the
/// grain or read model that owns the data (never another learner's), and paged sections read only their page.
/// </summary>
public sealed class ExportPartWriter(IGrainFactory grains, string community, string learnerId)
{
    private const int ListPage = PageRequest.MaxPageSize;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private ILearnerGrain Learner => grains.Learner(community, learnerId);

    public async Task WriteAsync(ExportPart part, Stream output)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("section", part.Section.ToString());
        json.WriteString("learnerId", learnerId);
        json.WritePropertyName("items");
        json.WriteStartArray();
        await foreach (var item in ItemsAsync(part))
        {
            JsonSerializer.Serialize(json, item, item.GetType(), Json);
            if (json.BytesPending > ExportArchiveStore.BufferBytes / 4)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private IAsyncEnumerable<object> ItemsAsync(ExportPart part) => part.Section switch
    {
        ExportSection.Profile => ProfileAsync(),
        ExportSection.Portfolio => PortfolioAsync(),
        ExportSection.Attempts => AttemptsAsync(part),
        ExportSection.Credentials => CredentialsAsync(part),
        ExportSection.Renewals => RenewalsAsync(part),
        ExportSection.LearnerRecord => LearnerRecordAsync(),
        ExportSection.ContinuingEducation => ContinuingEducationAsync(),
        ExportSection.Consents => ConsentsAsync(),
        ExportSection.PartnerAccessLog => PartnerAccessAsync(messages: false),
        ExportSection.PartnerMessages => PartnerAccessAsync(messages: true),
        ExportSection.Notices => NoticesAsync(),
        ExportSection.Demographics => DemographicsAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part.Section, "Unknown export section."),
    };

    private async IAsyncEnumerable<object> ProfileAsync()
    {
        var profile = await Learner.GetAsync();
        var record = await Learner.GetRecordAsync();
        yield return new
        {
            profile.Id,
            profile.Name,
            profile.Email,
            profile.Organisation,
            profile.PublicProfileUrl,
            profile.EnrolledAt,
            community,
            attemptIds = record.Attempts.Select(a => a.AttemptId),
            record.CredentialIds,
            record.CohortIds,
        };
    }

    private async IAsyncEnumerable<object> PortfolioAsync()
    {
        foreach (var artifact in await Learner.GetPortfolioAsync())
        {
            yield return new
            {
                artifact.Id,
                artifact.Title,
                artifact.Public,
                versions = artifact.Versions.Select(v => new
                {
                    v.Version, v.FileName, v.ContentType, v.SizeBytes, v.Sha256, v.CommittedAt,
                    file = ArchivePacker.FileEntryName(artifact.Id, v),
                }),
            };
        }
    }

    private async IAsyncEnumerable<object> AttemptsAsync(ExportPart part)
    {
        var record = await Learner.GetRecordAsync();
        foreach (var attempt in record.Attempts.Skip(part.First).Take(part.Count))
        {
            var view = await grains.Attempt(community, attempt.AttemptId).GetAsync();
            if (view.LearnerId == learnerId)
            {
                yield return LearnerAttemptRecord.Of(view);
            }
        }
    }

    private async IAsyncEnumerable<object> CredentialsAsync(ExportPart part)
    {
        foreach (var id in await CredentialIdsAsync(part))
        {
            if (await grains.Credential(community, id).FindAsync() is { } credential && credential.LearnerId == learnerId)
            {
                yield return new
                {
                    credential.Id, credential.Url, credential.AchievementName, tier = credential.Tier.ToString(), credential.IssuerName,
                    status = credential.Status.ToString(), credential.StatusReason, credential.ValidFrom, credential.ValidUntil,
                    credential.ReplacesCredentialId, credential.ReplacedByCredentialId, credential.AttemptId, credential.Results,
                    jwt = credential.Jwt,
                    document = JsonDocument.Parse(string.IsNullOrEmpty(credential.DocumentJson) ? "null" : credential.DocumentJson).RootElement,
                };
            }
        }
    }

    private async IAsyncEnumerable<object> RenewalsAsync(ExportPart part)
    {
        foreach (var id in await CredentialIdsAsync(part))
        {
            RenewalView? renewal;
            try
            {
                renewal = await grains.Renewal(community, id).GetAsync();
            }
            catch (CertGridException untracked) when (untracked.Code == ErrorCode.NotFound)
            {
                renewal = null;
            }

            if (renewal is not null && renewal.LearnerId == learnerId)
            {
                yield return renewal;
            }
        }
    }

    private async IAsyncEnumerable<object> LearnerRecordAsync()
    {
        LearnerRecordExport? clr;
        try
        {
            clr = await grains.GetGrain<ILearnerRecordExportGrain>(community).ExportClrAsync(learnerId);
        }
        catch (CertGridException none) when (none.Code is ErrorCode.NotFound or ErrorCode.Conflict or ErrorCode.PolicyViolation)
        {
            clr = null;
        }

        if (clr is not null)
        {
            yield return new { jwt = clr.Jwt, clr.CredentialCount, document = JsonDocument.Parse(clr.DocumentJson).RootElement };
        }
    }

    private async IAsyncEnumerable<object> ContinuingEducationAsync()
    {
        foreach (var activity in await grains.CeLedger(community, learnerId).GetActivitiesAsync())
        {
            yield return activity;
        }
    }

    private async IAsyncEnumerable<object> ConsentsAsync()
    {
        foreach (var consent in await grains.LearnerConsents(community, learnerId).ListAsync())
        {
            yield return consent;
        }
    }

    private async IAsyncEnumerable<object> DemographicsAsync()
    {
        foreach (var value in await grains.DemographicDeclaration(community, learnerId).GetAsync())
        {
            yield return value;
        }
    }

    private async IAsyncEnumerable<object> PartnerAccessAsync(bool messages)
    {
        var log = grains.GetGrain<IPartnerAccessLogGrain>(community);
        string? after = null;
        do
        {
            var page = await log.ListAsync(learnerId, messages, new PageRequest(ListPage, after));
            foreach (var entry in page.Items.Where(e => e.LearnerId == learnerId))
            {
                yield return entry;
            }

            after = page.NextCursor;
        }
        while (after is not null);
    }

    private async IAsyncEnumerable<object> NoticesAsync()
    {
        var notices = grains.GetGrain<INoticeIndexGrain>(community);
        string? after = null;
        do
        {
            var page = await notices.ListForLearnerAsync(learnerId, new PageRequest(ListPage, after));
            foreach (var notice in page.Items.Where(n => n.LearnerId == learnerId))
            {
                yield return notice;
            }

            after = page.NextCursor;
        }
        while (after is not null);
    }

    private async Task<IEnumerable<string>> CredentialIdsAsync(ExportPart part) =>
        (await Learner.GetRecordAsync()).CredentialIds.Skip(part.First).Take(part.Count);
}
