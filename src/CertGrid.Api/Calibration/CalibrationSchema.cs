using CertGrid.Abstractions.Calibration;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Calibration;

/// <summary>Calibration of evaluators: admins set the policy, publish exercises and read everyone's standing; evaluators score blind.</summary>
public sealed class CalibrationSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<CalibrationPolicyType>>("calibrationPolicy")
            .Description("The community's calibration rule (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await Calibration(ctx).GetPolicyAsync());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CalibrationExerciseType>>>>("calibrationExercises")
            .Description("Published calibration exercises, newest first. Evaluators get them blind (no reference levels); admins see the reference.")
            .Authorize(AccessRules.Admins | AccessRules.Evaluators)
            .ResolveAsync(async ctx => await Calibration(ctx).ListExercisesAsync(withReference: ctx.Caller().IsAdmin));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluatorCalibrationType>>>>("evaluatorCalibration")
            .Description("Every evaluator's calibration standing, results, drift, discussions and disagreements (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await Calibration(ctx).ListEvaluatorsAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CalibrationPolicyType>>("setCalibrationPolicy")
            .Description("Sets the community's calibration rule (admin). Requiring calibration takes effect at the next panel staffed.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CalibrationPolicyInputType>>("input", "The rule.")
            .ResolveAsync(async ctx => await Calibration(ctx).SetPolicyAsync(ctx.GetArgument<CalibrationPolicyInput>("input").ToPolicy(), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CalibrationExerciseType>>("publishCalibrationExercise")
            .Description("Publishes exemplars with agreed reference levels on a published credential's rubric (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<PublishCalibrationExerciseInputType>>("input", "The exercise.")
            .ResolveAsync(async ctx => await Calibration(ctx).PublishAsync(ctx.NewEntityId(IdPrefixes.CalibrationExercise),
                ctx.GetArgument<PublishCalibrationExerciseInput>("input").ToCommand(), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CalibrationResultType>>("submitCalibration")
            .Description("Scores an exercise blind: one level per criterion of every exemplar. Your result decides your calibration standing.")
            .Authorize(AccessRules.Evaluators)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("exerciseId", "The exercise (cex_…).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CalibrationScoreInputType>>>>("scores", "Your levels.")
            .ResolveAsync(async ctx => await Calibration(ctx).SubmitAsync(ctx.OwnEvaluatorId(), ctx.Id("exerciseId", IdPrefixes.CalibrationExercise),
                ctx.GetArgument<List<CalibrationScore>>("scores")));
    }

    private static ICalibrationGrain Calibration(IResolveFieldContext ctx) => ctx.Grains().GetGrain<ICalibrationGrain>(ctx.Community());
}
