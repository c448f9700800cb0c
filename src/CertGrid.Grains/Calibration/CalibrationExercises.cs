using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Quality;

namespace CertGrid.Grains.Calibration;

/// <summary>Checks what admins publish and scores what evaluators submit against a rubric's levels (ranked by points, 1 = fewest).</summary>
internal static class CalibrationExercises
{
    public static void RequireValid(CalibrationPolicy policy)
    {
        RequireShare(policy.PassingExact, "input.passingExact");
        RequireShare(policy.PassingAdjacent, "input.passingAdjacent");
        RequireShare(policy.DriftThreshold, "input.driftThreshold");
        InputRules.RequireRange(policy.DriftWindow, "input.driftWindow", 5, 200);
        if (policy.PassingAdjacent < policy.PassingExact)
        {
            throw CertGridException.Invalid("input.passingAdjacent", "Agreement within one level includes exact agreement, so its bar cannot be lower than the exact bar.");
        }
    }

    public static CalibrationExercise Validate(string id, PublishCalibrationExercise command, Rubric rubric, DateTimeOffset now, string actor)
    {
        var title = InputRules.RequireText(command.Title, "input.title", InputRules.NameMaxLength);
        var exemplars = InputRules.RequireCount(command.Exemplars, "input.exemplars", 1, 20);
        var valid = new List<CalibrationExemplar>(exemplars.Count);
        for (var i = 0; i < exemplars.Count; i++)
        {
            var field = $"input.exemplars[{i}]";
            var exemplar = exemplars[i];
            var levels = InputRules.RequireCount(exemplar.ReferenceLevels, $"{field}.referenceLevels", rubric.Criteria.Count, rubric.Criteria.Count);
            InputRules.RequireUniqueBy(levels, l => l.CriterionCode, $"{field}.referenceLevels");
            var named = levels.Select((l, j) => new CriterionResult(l.CriterionCode, Level(rubric, l.CriterionCode, l.Level, $"{field}.referenceLevels[{j}]").Name)).ToList();
            valid.Add(new CalibrationExemplar(InputRules.RequireText(exemplar.Title, $"{field}.title", InputRules.NameMaxLength),
                InputRules.RequireText(exemplar.Content, $"{field}.content", 20_000), named));
        }

        return new CalibrationExercise(id, title, command.DefinitionId, rubric, valid, now, actor);
    }

    public static CalibrationResult Score(CalibrationExercise exercise, string evaluatorId, IReadOnlyList<CalibrationScore> scores, CalibrationPolicy policy, DateTimeOffset now)
    {
        var reference = new Dictionary<(string, string), int>();
        for (var i = 0; i < exercise.Exemplars.Count; i++)
        {
            foreach (var level in exercise.Exemplars[i].ReferenceLevels)
            {
                reference[(i.ToString(System.Globalization.CultureInfo.InvariantCulture), level.CriterionCode)] = Rank(exercise.Rubric, level.CriterionCode, level.Level);
            }
        }

        var scored = new Dictionary<(string, string), int>();
        for (var j = 0; j < scores.Count; j++)
        {
            var score = scores[j];
            var key = (score.Exemplar.ToString(System.Globalization.CultureInfo.InvariantCulture), score.CriterionCode);
            if (score.Exemplar < 0 || score.Exemplar >= exercise.Exemplars.Count || !scored.TryAdd(key, Rank(exercise.Rubric, score.CriterionCode, Level(exercise.Rubric, score.CriterionCode, score.Level, $"input.scores[{j}]").Name)))
            {
                throw CertGridException.Invalid($"input.scores[{j}]", $"Give one level per criterion of exemplars 0 to {exercise.Exemplars.Count - 1}; exemplar {score.Exemplar}, criterion '{score.CriterionCode}' is out of range or given twice.");
            }
        }

        var highest = exercise.Rubric.Criteria.Max(c => c.Levels.Count);
        return CalibrationRules.Score(evaluatorId, exercise.Id, reference, scored, 1, highest, policy, now);
    }

    private static RubricLevel Level(Rubric rubric, string criterionCode, string level, string field)
    {
        var criterion = rubric.Criteria.FirstOrDefault(c => c.Code == criterionCode)
            ?? throw CertGridException.Invalid($"{field}.criterionCode", $"The rubric has no criterion '{criterionCode}'; it has {string.Join(", ", rubric.Criteria.Select(c => c.Code))}.");
        return criterion.Levels.FirstOrDefault(l => string.Equals(l.Name, level?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw CertGridException.Invalid($"{field}.level", $"Criterion '{criterionCode}' has no level '{level}'; pick one of {string.Join(", ", criterion.Levels.Select(l => l.Name))}.");
    }

    private static int Rank(Rubric rubric, string criterionCode, string level)
    {
        var scale = rubric.Criteria.First(c => c.Code == criterionCode).Levels.OrderBy(l => l.Points).ToList();
        return scale.FindIndex(l => string.Equals(l.Name, level, StringComparison.OrdinalIgnoreCase)) + 1;
    }

    private static void RequireShare(double value, string field)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw CertGridException.Invalid(field, "Give a share between 0 and 1 (for example 0.6 for 60%).");
        }
    }
}
