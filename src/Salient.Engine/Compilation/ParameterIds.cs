namespace Salient.Engine.Compilation;

/// <summary>Ids of the parameters the kernel reads, resolved once so the tick loop indexes arrays instead of looking up names.</summary>
internal sealed class ParameterIds
{
    public ParameterIds(CompiledScenario c, string[] sides)
    {
        int P(string name) => c.ParameterId("parameters." + name);
        int[] PerSide(string name) => [.. sides.Select(s => P($"{name}.{s}"))];
        int[] Doctrine(string key) => [.. sides.Select(s => c.ParameterId($"sides.{s}.doctrine.{key}"))];
        Lethality = PerSide("ground.lethality");
        Effectiveness = PerSide("ground.effectiveness");
        KilledFraction = PerSide("ground.killed_fraction");
        Garrison = PerSide("ground.garrison_power_per_km2");
        MaxSupplyKm = PerSide("logistics.max_supply_km");
        ReplacementScale = PerSide("logistics.replacement_scale");
        SupplyPerPersonDay = PerSide("logistics.supply_per_person_day");
        FireControl = PerSide("logistics.fire_control");
        ConvoyJamming = PerSide("logistics.convoy_jamming");
        DepotSupplyKm = PerSide("logistics.depot_supply_km");
        CapturedFraction = P("ground.captured_fraction");
        BreakRatio = P("ground.break_ratio");
        BreakCohesion = P("ground.break_cohesion");
        AdvanceKmPerDay = P("ground.advance_km_per_day");
        ClearingDaysPer1000 = P("ground.clearing_days_per_1000_residents");
        EquipmentLossFactor = P("ground.equipment_loss_factor");
        FortificationPerDay = P("ground.fortification_per_day");
        FortificationMax = P("ground.fortification_max");
        PersonnelPower = P("ground.personnel_power");
        SupportFraction = P("ground.support_fraction");
        PositionalIntensity = P("ground.positional_intensity");
        AreaFire = PerSide("ground.area_fire");
        WithdrawEnveloped = PerSide("ground.withdraw_enveloped");
        FlankPinPersonnel = PerSide("ground.flank_pin_personnel");
        ReinforceThreatPersonnel = PerSide("ground.reinforce_threat_personnel");
        ApproachEnemyCost = PerSide("ground.approach_enemy_cost");
        IsolatedGarrisonDays = PerSide("ground.isolated_garrison_days");
        ProbingShare = PerSide("ground.probing_share");
        AreaFireDensity = P("ground.area_fire_density");
        MaxAssaultDensity = P("ground.max_assault_density");
        BaseDetection = P("isr.base_detection");
        CounterDrone = PerSide("counter_drone.p");
        LatencyHours = PerSide("c2.latency_hours");
        DwellHours = P("c2.target_dwell_hours");
        SatcomReduction = P("c2.satcom_latency_reduction");
        PersonnelPerTerminal = P("c2.personnel_per_terminal");
        MoveKmPerDay = P("movement.km_per_day");
        ResupplyPerDay = PerSide("logistics.resupply_per_day");
        Consumption = [P("logistics.consumption_per_day.defend"), P("logistics.consumption_per_day.attack"), P("logistics.consumption_per_day.withdraw")];
        SupplyFloor = P("logistics.supply_floor");
        CohesionLoss = P("cohesion.loss_per_casualty_fraction");
        UnsuppliedDecay = P("cohesion.unsupplied_decay_per_day");
        CohesionRecovery = P("cohesion.recovery_per_day");
        AttackRatio = Doctrine("attack_ratio");
        MinSupplyToAttack = Doctrine("min_supply_to_attack");
        WithdrawCohesion = Doctrine("withdraw_cohesion");
        RecoverCohesion = Doctrine("recover_cohesion");
        CutOffDays = Doctrine("cut_off_days");
        ExposureHolding = P("isr.exposure.holding");
        ExposureMoving = P("isr.exposure.moving");
        ExposureAssaulting = P("isr.exposure.assaulting");
        JamLatencyFactor = PerSide("c2.jam_latency_factor");
        MassingLoss = PerSide("ew.massing_loss");
        ReactionDelayHours = PerSide("ew.reaction_delay_hours");
        GnssPathWeight = P("ew.gnss_path_weight");
        EmitterExposure = P("ew.emitter_exposure");
        FatigueRate = PerSide("fatigue.rate_per_day");
        FatigueFloor = PerSide("fatigue.floor");
        FatigueRecovery = PerSide("fatigue.recovery_per_day");
        RotateBelow = PerSide("fatigue.rotate_below");
        ReturnAbove = PerSide("fatigue.return_above");
        BreakSoftness = P("ground.break_softness");
        LineShare = PerSide("ground.line_share");
        CulminationLoss = PerSide("ground.culmination_loss");
        PursuitLoss = PerSide("ground.pursuit_loss");
        DefenceCulminationLoss = PerSide("ground.defence_culmination_loss");
        Season = [P("season.foliage_concealment"), P("season.night_grounded"), P("season.precipitation_grounded"), P("season.low_cloud_grounded"), P("season.mud_mobility"), P("season.frozen_mobility")];
    }

    public int[] Lethality { get; }
    public int[] Effectiveness { get; }
    public int[] KilledFraction { get; }
    public int[] Garrison { get; }
    public int[] MaxSupplyKm { get; }
    /// <summary><c>logistics.replacement_scale.&lt;side&gt;</c>: multiplier on the personnel reinforcements deliver.</summary>
    public int[] ReplacementScale { get; }

    /// <summary><c>logistics.supply_per_person_day.&lt;side&gt;</c>: supply one delivered person-day restores (0: the capped route share).</summary>
    public int[] SupplyPerPersonDay { get; }

    /// <summary><c>logistics.fire_control.&lt;side&gt;</c>: delta, convoys turned back per effective enemy sortie on a segment (0: off).</summary>
    public int[] FireControl { get; }

    /// <summary><c>logistics.convoy_jamming.&lt;side&gt;</c>: share of radio-linked sorties at the side's convoys its vehicles' jammers defeat (0: off).</summary>
    public int[] ConvoyJamming { get; }

    /// <summary><c>logistics.depot_supply_km.&lt;side&gt;</c>: R; a unit of a side with routes within R of a held depot is fed by the depot, not the routes (0: off).</summary>
    public int[] DepotSupplyKm { get; }
    public int CapturedFraction { get; }
    public int BreakRatio { get; }
    public int BreakCohesion { get; }
    public int AdvanceKmPerDay { get; }
    /// <summary><c>ground.clearing_days_per_1000_residents</c>: time to clear a built-up cell.</summary>
    public int ClearingDaysPer1000 { get; }
    public int EquipmentLossFactor { get; }
    public int FortificationPerDay { get; }
    public int FortificationMax { get; }
    public int PersonnelPower { get; }
    public int SupportFraction { get; }
    public int PositionalIntensity { get; }
    public int[] AreaFire { get; }
    /// <summary><c>ground.withdraw_enveloped.&lt;side&gt;</c>: share of enemy-held neighbours that makes a unit withdraw.</summary>
    public int[] WithdrawEnveloped { get; }

    /// <summary><c>ground.flank_pin_personnel.&lt;side&gt;</c>: enemy personnel in an adjacent cell that pins an attacking unit with no target (0: any enemy cell).</summary>
    public int[] FlankPinPersonnel { get; }

    /// <summary><c>ground.isolated_garrison_days.&lt;side&gt;</c>: daily checks a unit-less pocket of the side's ground, cut off from its depots, holds before it falls (0: off).</summary>
    public int[] IsolatedGarrisonDays { get; }

    /// <summary><c>ground.reinforce_threat_personnel.&lt;side&gt;</c>: enemy personnel next to a front cell that makes it threatened, for reinforcing the threatened front (0: off).</summary>
    public int[] ReinforceThreatPersonnel { get; }

    /// <summary><c>ground.approach_enemy_cost.&lt;side&gt;</c>: κ, the cost of crossing enemy-held ground relative to own ground in an attacker's objective field (1: off).</summary>
    public int[] ApproachEnemyCost { get; }

    /// <summary><c>ground.probing_share.&lt;side&gt;</c>: share of the massed power a probing assault commits below the attack ratio (0: off).</summary>
    public int[] ProbingShare { get; }
    public int AreaFireDensity { get; }

    /// <summary><c>ground.max_assault_density</c>: attackers per km² of the contested cell who can fight at once (0: no limit).</summary>
    public int MaxAssaultDensity { get; }
    public int BaseDetection { get; }
    public int[] CounterDrone { get; }
    public int[] LatencyHours { get; }
    public int DwellHours { get; }
    public int SatcomReduction { get; }
    public int PersonnelPerTerminal { get; }
    public int MoveKmPerDay { get; }
    public int[] ResupplyPerDay { get; }
    /// <summary>Indexed by <see cref="Salient.Scenario.Model.Posture"/>.</summary>
    public int[] Consumption { get; }
    public int SupplyFloor { get; }
    public int CohesionLoss { get; }
    public int UnsuppliedDecay { get; }
    public int CohesionRecovery { get; }
    public int[] AttackRatio { get; }
    public int[] MinSupplyToAttack { get; }
    public int[] WithdrawCohesion { get; }
    public int[] RecoverCohesion { get; }
    public int[] CutOffDays { get; }
    public int ExposureHolding { get; }
    public int ExposureMoving { get; }
    public int ExposureAssaulting { get; }
    public int[] JamLatencyFactor { get; }
    public int[] MassingLoss { get; }
    public int[] ReactionDelayHours { get; }
    public int GnssPathWeight { get; }
    public int EmitterExposure { get; }
    public int[] FatigueRate { get; }
    public int[] FatigueFloor { get; }
    public int[] FatigueRecovery { get; }
    public int[] RotateBelow { get; }
    public int[] ReturnAbove { get; }
    /// <summary>The season.* parameters, indexed by <c>Simulation.SeasonParameter</c>.</summary>
    public int[] Season { get; }
    public int BreakSoftness { get; }
    public int[] LineShare { get; }
    public int[] CulminationLoss { get; }
    public int[] PursuitLoss { get; }
    public int[] DefenceCulminationLoss { get; }
}
