using System.Text;
using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Demographics;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Tests.Renewals;

namespace CertGrid.Grains.Tests.Privacy;

/// <summary>A learner's years of history, built through the grains on the fake clock, and the values an export must (or must not) carry.</summary>
public sealed class ExportHistory
{
    public required string LearnerId { get; init; }

    /// <summary>Values that are this learner's: their archive must contain every one.</summary>
    public List<string> Values { get; } = [];

    /// <summary>Uploaded file contents by artifact id.</summary>
    public Dictionary<string, string> Files { get; } = [];

    public List<string> AttemptIds { get; } = [];

    public List<string> CredentialIds { get; } = [];

    /// <summary>
    /// Enrols a learner and gives them <paramref name="artifacts"/> portfolio files, a failed attempt, a passed one a
    /// season later (a credential, tracked for renewal), the renewal window with verified CE credits and the renewal,
    /// a partner's read in the access log, a consent, and a demographic declaration.
    /// </summary>
    public static async Task<ExportHistory> BuildAsync(RenewalScenario scenario, int artifacts, bool renew)
    {
        var program = scenario.Program;
        var (learnerId, profile) = await program.LearnerAsync();
        var history = new ExportHistory { LearnerId = learnerId };
        history.Values.AddRange([learnerId, profile.Name, profile.Email, profile.Organisation!]);
        var learner = program.Learner(learnerId);
        foreach (var batch in Enumerable.Range(0, artifacts).Chunk(10))
        {
            await Task.WhenAll(batch.Select(async _ =>
            {
                var text = $"# {program.Faker.Hacker.Phrase()}\n\n{program.Faker.Lorem.Paragraph()} {Guid.NewGuid():N}\n";
                var id = await Uploads.CommitAsync(learner, text);
                lock (history.Files)
                {
                    history.Files[id] = text;
                }
            }));
        }

        var failed = await program.SubmitAsync(learnerId, scenario.DefinitionId);
        foreach (var seat in failed.Panel)
        {
            failed = await program.ReviewAsync(failed.Id, seat.EvaluatorId, "Not yet");
        }

        Assert.Equal(AttemptStatus.Failed, failed.Status);
        history.AttemptIds.Add(failed.Id);
        history.Values.AddRange(failed.Reviews.Select(r => r.OverallNote!));
        scenario.Clock.Advance(TimeSpan.FromDays(200));
        var credential = await scenario.EarnAsync(learnerId);
        history.CredentialIds.Add(credential.Id);
        history.AttemptIds.Add(credential.AttemptId);
        history.Values.Add(credential.Jwt);

        await scenario.SweepOnDayOfAsync(credential.ValidUntil!.Value.AddDays(-60));
        var ledger = scenario.Grains.CeLedger(scenario.Community, learnerId);
        var today = DeadlineDay.Today(scenario.Clock.GetUtcNow());
        foreach (var (title, credits, category) in new[] { ($"{program.Faker.Company.CatchPhrase()} course", 7m, "Technical"), ($"{program.Faker.Company.Bs()} ethics", 3m, "Ethics") })
        {
            var activity = await ledger.RecordAsync(new CeActivityInput(CeActivityKind.Course, title, credits, category, today.AddDays(-1), null), false, Actors.Learner(learnerId));
            await ledger.VerifyAsync(activity.Id, Actors.Admin("key_admin"));
            history.Values.Add(title);
        }

        if (renew)
        {
            scenario.Clock.Advance(TimeSpan.FromHours(3));
            var renewed = await scenario.Renewal(credential.Id).RenewAsync(Actors.Learner(learnerId));
            history.CredentialIds.Add(renewed.RenewedByCredentialId!);
        }

        var partner = $"{program.Faker.Company.CompanyName()} Recruiting";
        var detail = $"talent search: {program.Faker.Hacker.Noun()} {Guid.NewGuid():N}";
        await scenario.Grains.GetGrain<IPartnerAccessLogGrain>(scenario.Community).RecordAsync(
            [new PartnerAccessEntry(learnerId, "ptn_" + Guid.NewGuid().ToString("N")[..12], partner, PartnerAccessKind.SawInTalentSearch, detail, scenario.Clock.GetUtcNow())]);
        history.Values.AddRange([partner, detail]);

        var ageBand = $"age-band-{program.Faker.Random.AlphaNumeric(6).ToLowerInvariant()}";
        await scenario.Grains.GetGrain<IFairnessPolicyGrain>(scenario.Community).DefineAttributeAsync(
            new DemographicAttributeDefinition("age-band", [ageBand, "age-other"], [new DemographicLabel("en", "Age band")]), "admin:test");
        await scenario.Grains.DemographicDeclaration(scenario.Community, learnerId).DeclareAsync([new DeclaredValue("age-band", ageBand)]);
        history.Values.Add(ageBand);
        history.Values.AddRange(history.AttemptIds);
        history.Values.AddRange(history.CredentialIds);
        return history;
    }

    /// <summary>Every entry of the archive read as text, by entry name.</summary>
    public static Dictionary<string, string> Read(System.IO.Compression.ZipArchive archive) =>
        archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
}
