using CertGrid.Abstractions.Calibration;
using CertGrid.Abstractions.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Calibration;

/// <summary>One calibration exercise in its own state; see <see cref="ICalibrationExerciseGrain"/>.</summary>
public sealed class CalibrationExerciseGrain(
    [PersistentState("calibration-exercise", StorageNames.GrainStore)] IPersistentState<CalibrationExerciseState> state)
    : DurableGrain<CalibrationExerciseState>(state), ICalibrationExerciseGrain
{
    private ScopedKey Key => ScopedKey.Parse(this.GetPrimaryKeyString());

    protected override string Community => Key.Community;

    public async Task<CalibrationExercise> PublishAsync(PublishCalibrationExercise command, string actor)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (State.Exercise is { } existing)
        {
            return existing;
        }

        var definitionId = EntityId.Require(command.DefinitionId, IdPrefixes.CredentialDefinition, "input.credentialId");
        var definition = await GrainFactory.CredentialDefinition(Community, definitionId).GetAsync();
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is not published, so its rubric cannot be calibrated on yet.");
        }

        var exercise = CalibrationExercises.Validate(Key.Id, command, definition.Rubric, Now, actor);
        State.Exercise = exercise;
        Cause(new ListCalibrationExercise(Key.Id, exercise.PublishedAt));
        await SaveAsync(AuditEvent(actor, "calibration.exercise-published", Key.Id, new { exercise.Title, definitionId, exemplars = exercise.Exemplars.Count }));
        return exercise;
    }

    public Task<CalibrationExercise> GetAsync() =>
        Task.FromResult(State.Exercise ?? throw CertGridException.NotFound("Calibration exercise", Key.Id));
}
