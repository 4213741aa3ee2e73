-- Demo data: the 2026 participation plan as of late November, the survey consent notice, the
-- three seed surveys with a few hundred answers each, the telephone call list and published results.
-- Runs once, on a freshly migrated database.

-- The initial load is the starting state, not a staff change: keep it out of the audit log.
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;

-- PLAN
insert into public.plan_phases (code, name) values
  (1, 'Diagnóstico'),
  (2, 'Formulación/planeación de políticas, planes, programas o proyectos'),
  (3, 'Implementación/ejecución/colaboración'),
  (4, 'Control/evaluación'),
  (5, 'Acciones transversales');

insert into public.plan_activities
  (code, phase_code, position, title, objective, product, status, responsible_area, starts_on, ends_on, action_label, action_href, updated_at)
values
  ('1.1', 1, 1,
   'Ejercicios participativos para identificar debilidades o problemas en la oferta de servicios',
   'Identificar las fortalezas y debilidades que tiene la agencia en la oferta de servicios, buscando información acerca del conocimiento de la oferta de servicios por parte de los usuarios.',
   'Resultados de encuesta',
   'in_progress', 'Oficina Asesora de Planeación', '2026-09-01', '2026-12-15',
   'Responder la encuesta', '/encuestas/oferta-de-servicios', '2026-09-01 08:30-05'),
  ('1.2', 1, 2,
   'Encuesta de satisfacción telefónica',
   'Documentar la satisfacción que tienen los usuarios frente a la prestación de servicios de la entidad.',
   'Informe de encuestas telefónicas realizadas',
   'in_progress', 'Atención al Ciudadano', '2026-09-15', '2026-12-11',
   null, null, '2026-09-15 09:00-05'),
  ('1.3', 1, 3,
   'Ejercicio de levantamiento de información interna',
   'Realizar el diagnóstico de cumplimiento de requisitos normativos referentes a la participación ciudadana.',
   'Diagnóstico',
   'done', 'Oficina Asesora de Planeación', '2026-02-02', '2026-03-31',
   null, null, '2026-03-27 16:10-05'),
  ('2.1', 2, 1,
   'Cronograma de rendición de cuentas por medios electrónicos',
   'Definir las actividades a desarrollar y las fechas de cumplimiento con el fin de realizar el ejercicio de rendición de cuentas por medios electrónicos, acorde con el Manual Único de Rendición de Cuentas.',
   'Cronograma de rendición de cuentas',
   'done', 'Oficina Asesora de Planeación', '2026-03-02', '2026-04-30',
   null, null, '2026-04-24 11:45-05'),
  ('2.2', 2, 2,
   'Encuestas de percepción por medios electrónicos',
   'Realizar una encuesta en redes sociales para identificar el alcance que tienen las publicaciones entre los seguidores de la agencia.',
   'Encuesta formulada en herramienta web',
   'done', 'Comunicaciones', '2026-05-04', '2026-06-30',
   'Responder la encuesta', '/encuestas/percepcion-redes', '2026-06-15 10:00-05'),
  ('2.3', 2, 3,
   'Diseño de servicios de registro para boletería de Leones en línea y registro de asesorías de emprendimiento',
   'Diseñar e implementar servicios en línea acordes con el análisis de uso de la entidad.',
   'Servicios en línea habilitados',
   'done', 'Tecnologías de la Información', '2026-04-01', '2026-08-31',
   null, null, '2026-08-28 17:20-05'),
  ('3.1', 3, 1,
   'Ejercicio de gamificación sobre el uso eficiente del papel',
   'Realizar un ejercicio de gamificación para definir la política de uso eficiente del papel.',
   'Resultados del ejercicio y política definida',
   'done', 'Secretaría General', '2026-06-01', '2026-07-31',
   null, null, '2026-07-30 15:00-05'),
  ('3.2', 3, 2,
   'Rendición de cuentas por medios electrónicos',
   'Realizar dos ejercicios de rendición de cuentas por medios electrónicos.',
   'Audiencias públicas realizadas',
   'in_progress', 'Oficina Asesora de Planeación', '2026-08-03', '2026-12-04',
   null, null, '2026-09-25 18:30-05'),
  ('3.3', 3, 3,
   'Evaluación de la rendición de cuentas por medios electrónicos',
   'Realizar la reunión de evaluación y consolidación del informe con la finalidad de verificar las evidencias, informar los resultados e identificar las acciones de mejora necesarias para los ejercicios.',
   'Informes de la rendición de cuentas',
   'pending', 'Oficina Asesora de Planeación', '2026-12-07', '2026-12-18',
   null, null, '2026-02-02 08:00-05'),
  ('4.1', 4, 1,
   'Monitoreo de uso de las redes sociales',
   'Realizar seguimiento y monitoreo a las redes sociales por medio de la identificación del aumento o la disminución de seguidores.',
   'Informe de monitoreo de las redes sociales',
   'in_progress', 'Comunicaciones', '2026-02-02', '2026-12-18',
   null, null, '2026-11-03 09:15-05'),
  ('4.2', 4, 2,
   'Monitoreo a las visitas del sitio web',
   'Realizar seguimiento a la publicación de la información y, adicionalmente, monitorear las visitas al sitio web institucional.',
   'Informe de monitoreo a las visitas del sitio web',
   'in_progress', 'Tecnologías de la Información', '2026-02-02', '2026-12-18',
   null, null, '2026-11-03 09:40-05'),
  ('5.1', 5, 1,
   'Capacitación y sensibilización a ciudadanos sobre la estrategia y los mecanismos de participación habilitados por la entidad',
   'Definir el procedimiento de participación ciudadana por medios electrónicos y publicarlo en el sitio web; de igual forma, definir el plan de participación ciudadana para la vigencia.',
   'Procedimiento documentado',
   'done', 'Atención al Ciudadano', '2026-02-02', '2026-04-30',
   null, null, '2026-04-29 14:00-05'),
  ('5.2', 5, 2,
   'Estrategia de divulgación de la participación a través de redes sociales y sitio web',
   'Publicar en las redes sociales y en el sitio web las invitaciones a diligenciar las encuestas y a participar en los ejercicios que se realicen.',
   'Invitaciones a diligenciar encuestas',
   'in_progress', 'Comunicaciones', '2026-03-02', '2026-12-18',
   null, null, '2026-09-01 10:30-05'),
  ('5.3', 5, 3,
   'Divulgación de la incidencia de la participación',
   'Divulgar los resultados de la participación.',
   'Evidencias de divulgación',
   'pending', 'Comunicaciones', '2026-12-01', '2026-12-22',
   null, null, '2026-02-02 08:00-05');

-- Evidence links only to pages the portal serves today; the rest arrive with their reports.
insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('1.1', 'Encuesta sobre la oferta de servicios publicada', '/encuestas/oferta-de-servicios', '2026-09-01 08:30-05'),
  ('1.2', 'Formulario de la encuesta telefónica de satisfacción', '/encuestas/satisfaccion-telefonica', '2026-09-15 09:00-05'),
  ('1.2', 'Informe de encuestas telefónicas realizadas', '/informes/telefonico/satisfaccion-telefonica', '2026-11-20 16:00-05'),
  ('2.2', 'Encuesta de percepción publicada en la herramienta web', '/encuestas/percepcion-redes', '2026-06-15 10:00-05'),
  ('2.2', 'Portal de participación con el enlace a la encuesta', '/', '2026-06-16 09:00-05'),
  ('2.3', 'Portal de servicios en línea habilitado', '/', '2026-08-28 17:20-05'),
  ('2.3', 'Cifras de uso de la boletería en línea', '/informes/boleteria', '2026-11-28 08:00-05'),
  ('5.2', 'Invitación a responder la encuesta de percepción en redes', '/encuestas/percepcion-redes', '2026-06-16 11:00-05');

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;

-- CONSENT NOTICE
insert into public.consent_texts (version, capability, purpose, body, published_at) values
  ('encuestas-v1', 'surveys',
   'Analizar las respuestas de las encuestas de participación ciudadana para planear y mejorar los servicios de la agencia.',
   'Aviso de privacidad (Ley 1581 de 2012 y Decreto 1377 de 2013). La agencia, como responsable del tratamiento, '
   || 'recogerá sus respuestas a esta encuesta con la única finalidad de analizar la oferta y la calidad de sus servicios '
   || 'y planear acciones de mejora; los resultados se publican solo de forma agregada. No le pedimos su nombre ni su documento: '
   || 'evite escribir datos personales en las respuestas abiertas. Como titular, usted tiene derecho a conocer, actualizar, '
   || 'rectificar y suprimir sus datos, a solicitar prueba de esta autorización y a revocarla, a través de los canales de '
   || 'Atención al Ciudadano. Consulte la política de tratamiento de datos personales en /datos-personales.',
   '2026-02-02 08:00-05');

-- SURVEYS
-- Written for their purpose (plan activities 1.1, 1.2 and 2.2). Open surveys carry no closing
-- date so the demo keeps accepting answers; staff close them from the builder.
alter table public.surveys disable trigger surveys_audit;
alter table public.survey_questions disable trigger survey_questions_audit;
alter table public.survey_question_options disable trigger survey_question_options_audit;
alter table public.survey_question_items disable trigger survey_question_items_audit;

insert into public.surveys (slug, plan_activity_code, title, description, status, opens_at, closes_at, consent_version, created_at, updated_at) values
  ('oferta-de-servicios', '1.1',
   'Encuesta sobre la oferta de servicios',
   'Queremos saber qué tanto conoce nuestros servicios, cuáles ha usado, cómo los califica y qué problemas ha encontrado, para mejorar la oferta. Tiene tres partes cortas y le tomará unos 5 minutos.',
   'open', '2026-09-01 08:00-05', null, 'encuestas-v1', '2026-08-25 10:00-05', '2026-08-25 10:00-05'),
  ('satisfaccion-telefonica', '1.2',
   'Encuesta de satisfacción telefónica',
   'El equipo de Atención al Ciudadano aplica esta encuesta por teléfono a personas que usaron nuestros servicios; también puede responderla aquí. Si ya recibió nuestra llamada, no necesita responderla de nuevo. Le tomará unos 3 minutos.',
   'open', '2026-09-15 08:00-05', null, 'encuestas-v1', '2026-09-10 10:00-05', '2026-09-10 10:00-05'),
  ('percepcion-redes', '2.2',
   'Encuesta de percepción de nuestras redes sociales',
   'Ayúdenos a saber si nuestras publicaciones le llegan y le sirven. Son cuatro preguntas y le tomará unos 2 minutos.',
   'open', '2026-06-15 08:00-05', null, 'encuestas-v1', '2026-06-10 10:00-05', '2026-06-10 10:00-05');

-- Conditions name an earlier question and the answers that show this one (see survey_questions.condition).
insert into public.survey_questions (survey_id, key, position, section, type, label, help, required, min_value, max_value, allow_other, condition)
select s.id, q.key, q.position, q.section, q.type, q.label, q.help, q.required, q.min_value, q.max_value, q.allow_other, q.condition::jsonb
from public.surveys s
join (values
  -- 1.1 Service offer: what people know, what they used, how it went and what fails.
  ('oferta-de-servicios', 'conocimiento_servicios', 1, 'Conocimiento de la oferta', 'matrix',
   '¿Qué tanto conoce cada uno de estos servicios de la agencia?', 'Elija una respuesta para cada servicio.', true, null, null, false, null),
  ('oferta-de-servicios', 'medio_enterado', 2, 'Conocimiento de la oferta', 'single_choice',
   '¿Por qué medio se enteró de la mayoría de nuestros servicios?', null, true, null, null, true, null),
  ('oferta-de-servicios', 'uso_ultimo_ano', 3, 'Conocimiento de la oferta', 'single_choice',
   '¿Ha usado algún servicio de la agencia en los últimos 12 meses?', null, true, null, null, false, null),
  ('oferta-de-servicios', 'calificacion_servicios', 4, 'Experiencia con los servicios', 'matrix',
   'Califique de 1 a 5 cada servicio que haya usado.', '1 es muy malo y 5 es excelente. Deje sin marcar los servicios que no ha usado.', false, null, null, false,
   '{"question": "uso_ultimo_ano", "anyOf": ["si"]}'),
  ('oferta-de-servicios', 'calificacion_general', 5, 'Experiencia con los servicios', 'scale_5',
   'En general, ¿cómo califica los servicios que ha recibido de la agencia?', '1 es muy malo y 5 es excelente.', true, null, null, false,
   '{"question": "uso_ultimo_ano", "anyOf": ["si"]}'),
  ('oferta-de-servicios', 'debilidades', 6, 'Experiencia con los servicios', 'multiple_choice',
   '¿Qué problemas ha encontrado al buscar o usar nuestros servicios?', 'Marque hasta tres, los que más le han afectado.', false, null, 3, true, null),
  ('oferta-de-servicios', 'debilidades_detalle', 7, 'Experiencia con los servicios', 'long_text',
   'Cuéntenos con más detalle qué pasó y qué deberíamos mejorar.', 'No escriba datos personales como su documento o su teléfono.', false, null, null, false, null),
  ('oferta-de-servicios', 'recomendacion', 8, 'Recomendación y comentarios', 'nps',
   '¿Qué tan probable es que recomiende los servicios de la agencia a un familiar o amigo?', '0 es nada probable y 10 es muy probable.', true, null, null, false, null),
  ('oferta-de-servicios', 'servicio_nuevo', 9, 'Recomendación y comentarios', 'short_text',
   '¿Qué servicio le gustaría que la agencia ofreciera?', null, false, null, null, false, null),
  ('oferta-de-servicios', 'comentarios', 10, 'Recomendación y comentarios', 'long_text',
   '¿Tiene algún otro comentario o sugerencia?', null, false, null, null, false, null),

  -- 1.2 Satisfaction with the attention received (CSAT and NPS), applied mostly by telephone.
  ('satisfaccion-telefonica', 'servicio_usado', 1, 'La atención que recibió', 'single_choice',
   '¿Qué servicio de la agencia usó más recientemente?', null, true, null, null, false, null),
  ('satisfaccion-telefonica', 'canal_atencion', 2, 'La atención que recibió', 'single_choice',
   '¿Por qué canal lo atendimos?', null, true, null, null, false, null),
  ('satisfaccion-telefonica', 'fecha_atencion', 3, 'La atención que recibió', 'date',
   '¿En qué fecha lo atendimos?', 'Si no la recuerda con exactitud, indique una fecha aproximada.', false, null, null, false, null),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 4, 'La atención que recibió', 'single_choice',
   '¿Se resolvió su solicitud?', null, true, null, null, false, null),
  ('satisfaccion-telefonica', 'contactos', 5, 'La atención que recibió', 'number',
   '¿Cuántas veces tuvo que comunicarse con nosotros por esa misma solicitud?', 'Cuente también la primera vez. Escriba un número del 1 al 20.', false, 1, 20, false, null),
  ('satisfaccion-telefonica', 'csat', 6, 'Su opinión', 'scale_5',
   'En general, ¿qué tan satisfecho quedó con la atención recibida?', '1 es muy insatisfecho y 5 es muy satisfecho.', true, null, null, false, null),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 7, 'Su opinión', 'multiple_choice',
   '¿Qué fue lo que no le gustó de la atención?', 'Marque todo lo que aplique.', false, null, null, true,
   '{"question": "csat", "anyOf": ["1", "2"]}'),
  ('satisfaccion-telefonica', 'nps', 8, 'Su opinión', 'nps',
   '¿Qué tan probable es que recomiende los servicios de la agencia a un familiar o amigo?', '0 es nada probable y 10 es muy probable.', true, null, null, false, null),
  ('satisfaccion-telefonica', 'razones', 9, 'Su opinión', 'long_text',
   '¿Cuál es la razón principal de sus calificaciones?', 'Cuéntenos qué funcionó bien y qué podemos mejorar. No escriba datos personales.', false, null, null, false, null),

  -- 2.2 Perception of the agency's social networks (the link is shared with ?utm_source=<network>).
  ('percepcion-redes', 'redes_sigue', 1, null, 'multiple_choice',
   '¿En cuáles redes sociales sigue a la agencia?', 'Marque todas las que apliquen.', true, null, null, false, null),
  ('percepcion-redes', 'frecuencia', 2, null, 'single_choice',
   '¿Con qué frecuencia ve nuestras publicaciones?', null, true, null, null, false, null),
  ('percepcion-redes', 'utilidad', 3, null, 'scale_5',
   '¿Qué tan útil le parece la información que publicamos?', '1 es nada útil y 5 es muy útil.', true, null, null, false, null),
  ('percepcion-redes', 'contenidos_deseados', 4, null, 'long_text',
   '¿Qué le gustaría ver en nuestras redes sociales?', 'Por ejemplo: convocatorias, fechas de partidos, consejos para emprendedores, transmisiones en vivo.', false, null, null, false, null)
) as q(slug, key, position, section, type, label, help, required, min_value, max_value, allow_other, condition) on q.slug = s.slug;

-- The agency's services: options of 1.2's servicio_usado and rows of 1.1's matrices, so answers
-- about the same service share one key across surveys.
create temporary table seed_services (key, label, position) as values
  ('boleteria_leones', 'Boletería en línea para los partidos de Leones', 1),
  ('asesoria_emprendimiento', 'Asesoría a emprendedores', 2),
  ('capacitaciones', 'Capacitaciones y talleres', 3),
  ('convocatorias', 'Convocatorias y estímulos para emprendimientos', 4),
  ('eventos', 'Eventos deportivos, culturales y recreativos', 5),
  ('atencion_ciudadano', 'Atención al ciudadano (peticiones, quejas, reclamos y sugerencias)', 6);

insert into public.survey_question_items (question_id, key, label, position)
select q.id, v.key, v.label, v.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
cross join seed_services v
where s.slug = 'oferta-de-servicios' and q.key in ('conocimiento_servicios', 'calificacion_servicios');

insert into public.survey_question_options (question_id, value, label, position)
select q.id, v.key, v.label, v.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
cross join seed_services v
where s.slug = 'satisfaccion-telefonica' and q.key = 'servicio_usado';

insert into public.survey_question_options (question_id, value, label, position)
select q.id, o.value, o.label, o.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
join (values
  ('oferta-de-servicios', 'conocimiento_servicios', 'no_conoce', 'No lo conozco', 1),
  ('oferta-de-servicios', 'conocimiento_servicios', 'conoce', 'Lo conozco, no lo he usado', 2),
  ('oferta-de-servicios', 'conocimiento_servicios', 'usado', 'Lo he usado', 3),

  ('oferta-de-servicios', 'medio_enterado', 'redes_sociales', 'Redes sociales de la agencia', 1),
  ('oferta-de-servicios', 'medio_enterado', 'sitio_web', 'Sitio web de la agencia', 2),
  ('oferta-de-servicios', 'medio_enterado', 'voz_a_voz', 'Por familiares, amigos o conocidos', 3),
  ('oferta-de-servicios', 'medio_enterado', 'medios', 'Radio, prensa o televisión', 4),
  ('oferta-de-servicios', 'medio_enterado', 'punto_atencion', 'En un punto de atención presencial', 5),
  ('oferta-de-servicios', 'medio_enterado', 'evento', 'En un evento o feria', 6),
  ('oferta-de-servicios', 'medio_enterado', 'no_conoce', 'No conocía los servicios', 7),
  ('oferta-de-servicios', 'medio_enterado', 'otro', 'Otro, ¿cuál?', 8),

  ('oferta-de-servicios', 'uso_ultimo_ano', 'si', 'Sí', 1),
  ('oferta-de-servicios', 'uso_ultimo_ano', 'no', 'No', 2),

  ('oferta-de-servicios', 'calificacion_servicios', '1', '1 — Muy malo', 1),
  ('oferta-de-servicios', 'calificacion_servicios', '2', '2 — Malo', 2),
  ('oferta-de-servicios', 'calificacion_servicios', '3', '3 — Regular', 3),
  ('oferta-de-servicios', 'calificacion_servicios', '4', '4 — Bueno', 4),
  ('oferta-de-servicios', 'calificacion_servicios', '5', '5 — Excelente', 5),

  ('oferta-de-servicios', 'debilidades', 'informacion_insuficiente', 'La información es insuficiente o difícil de encontrar', 1),
  ('oferta-de-servicios', 'debilidades', 'requisitos', 'Trámites largos o con muchos requisitos', 2),
  ('oferta-de-servicios', 'debilidades', 'demora_respuesta', 'Demora en las respuestas', 3),
  ('oferta-de-servicios', 'debilidades', 'horarios', 'Horarios de atención poco convenientes', 4),
  ('oferta-de-servicios', 'debilidades', 'fallas_en_linea', 'Fallas en los servicios en línea', 5),
  ('oferta-de-servicios', 'debilidades', 'cupos', 'Pocos cupos o boletas disponibles', 6),
  ('oferta-de-servicios', 'debilidades', 'trato', 'Trato poco amable', 7),
  ('oferta-de-servicios', 'debilidades', 'ninguno', 'No he tenido problemas', 8),
  ('oferta-de-servicios', 'debilidades', 'otro', 'Otro, ¿cuál?', 9),

  ('satisfaccion-telefonica', 'canal_atencion', 'presencial', 'Presencial, en un punto de atención', 1),
  ('satisfaccion-telefonica', 'canal_atencion', 'telefonico', 'Telefónico, en la línea de atención', 2),
  ('satisfaccion-telefonica', 'canal_atencion', 'correo', 'Correo electrónico', 3),
  ('satisfaccion-telefonica', 'canal_atencion', 'web', 'Sitio web o servicios en línea', 4),
  ('satisfaccion-telefonica', 'canal_atencion', 'redes', 'Redes sociales o WhatsApp', 5),

  ('satisfaccion-telefonica', 'solicitud_resuelta', 'si', 'Sí, por completo', 1),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 'parcialmente', 'Solo en parte', 2),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 'no', 'No', 3),

  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'demora', 'Tuve que esperar demasiado', 1),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'no_resolvieron', 'No resolvieron mi solicitud', 2),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'informacion_confusa', 'La información fue confusa o incompleta', 3),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'remitido', 'Me enviaron a otra dependencia sin darme solución', 4),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'trato', 'El trato no fue amable', 5),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'otro', 'Otro, ¿cuál?', 6),

  -- Values are the networks' utm_source names, so answers and reach per network join.
  ('percepcion-redes', 'redes_sigue', 'facebook', 'Facebook', 1),
  ('percepcion-redes', 'redes_sigue', 'instagram', 'Instagram', 2),
  ('percepcion-redes', 'redes_sigue', 'x', 'X (antes Twitter)', 3),
  ('percepcion-redes', 'redes_sigue', 'tiktok', 'TikTok', 4),
  ('percepcion-redes', 'redes_sigue', 'whatsapp', 'Canal de WhatsApp', 5),
  ('percepcion-redes', 'redes_sigue', 'youtube', 'YouTube', 6),
  ('percepcion-redes', 'redes_sigue', 'ninguna', 'No sigo a la agencia en redes sociales', 7),

  ('percepcion-redes', 'frecuencia', 'diaria', 'Todos los días', 1),
  ('percepcion-redes', 'frecuencia', 'semanal', 'Varias veces por semana', 2),
  ('percepcion-redes', 'frecuencia', 'mensual', 'Algunas veces al mes', 3),
  ('percepcion-redes', 'frecuencia', 'casi_nunca', 'Casi nunca', 4),
  ('percepcion-redes', 'frecuencia', 'nunca', 'Nunca las he visto', 5)
) as o(slug, key, value, label, position) on o.slug = s.slug and o.key = q.key;

drop table seed_services;

alter table public.surveys enable trigger surveys_audit;
alter table public.survey_questions enable trigger survey_questions_audit;
alter table public.survey_question_options enable trigger survey_question_options_audit;
alter table public.survey_question_items enable trigger survey_question_items_audit;

-- DEMO ANSWERS: HELPERS
-- The demo answers are generated, not random: every choice is a hash of a fixed seed string, so
-- every fresh database gets the same answers (only their dates follow the day it was created).
-- All of them go through the functions the app uses (public.submit_survey_response and the
-- telephone staff functions), so validation, consent records and the kept counts stay exact.

-- A number in (0, 1) from a seed string.
create function pg_temp.unit(p_seed text)
returns float8
language sql
immutable
as $$
  select ((hashtextextended(p_seed, 0) & 2147483647)::float8 + 1) / 2147483649;
$$;

-- p_count distinct choices drawn with the given weights (Efraimidis–Spirakis: the largest u^(1/w)).
create function pg_temp.pick(p_seed text, p_choices text[], p_weights integer[], p_count integer default 1)
returns text[]
language sql
immutable
as $$
  select coalesce(array_agg(x.choice order by x.k desc), '{}')
  from (
    select u.choice, ln(pg_temp.unit(p_seed || '/' || u.choice)) / u.weight as k
    from unnest(p_choices, p_weights) as u(choice, weight)
    where u.weight > 0
    order by k desc
    limit p_count
  ) x;
$$;

create function pg_temp.pick1(p_seed text, p_choices text[], p_weights integer[])
returns text
language sql
immutable
as $$
  select (pg_temp.pick(p_seed, p_choices, p_weights))[1];
$$;

-- One of p_texts, or null: p_percent of respondents write something.
create function pg_temp.some_text(p_seed text, p_percent integer, p_texts text[])
returns text
language sql
immutable
as $$
  select case when pg_temp.unit(p_seed || '/writes') * 100 < p_percent
    then p_texts[1 + floor(pg_temp.unit(p_seed || '/which') * cardinality(p_texts))::integer] end;
$$;

-- A moment in the days between p_from and p_to (Bogotá), at office-to-evening hours, never after now().
create function pg_temp.moment(p_seed text, p_from timestamptz, p_to timestamptz)
returns timestamptz
language sql
stable
as $$
  select least(
    (date_trunc('day', p_from at time zone 'America/Bogota')
      + floor(pg_temp.unit(p_seed || '/day') * greatest(extract(epoch from p_to - p_from) / 86400, 1)) * interval '1 day'
      + make_interval(hours => 7 + floor(pg_temp.unit(p_seed || '/hour') * 15)::integer,
                      mins => floor(pg_temp.unit(p_seed || '/minute') * 60)::integer)
    ) at time zone 'America/Bogota',
    now() - make_interval(mins => 5 + floor(pg_temp.unit(p_seed || '/minute') * 600)::integer)
  );
$$;

-- The agency's services as the demo respondents know and rate them: how many know or used each
-- (weights of no_conoce, conoce, usado) and how they rate it (weights of 1 to 5), and how the call
-- list of 1.2 names it (share: weight in the list). Ticketing is the best known and the most
-- criticised; advice to entrepreneurs is rated best.
create temporary table seed_service_mix (key, position, list_label, share, known, rating) as values
  ('boleteria_leones',        1, 'Boletería en línea',              34, array[12, 30, 58], array[7, 11, 20, 33, 29]),
  ('asesoria_emprendimiento', 2, 'Asesoría a emprendedores',        20, array[38, 37, 25], array[2, 4, 12, 38, 44]),
  ('capacitaciones',          3, 'Capacitaciones y talleres',       12, array[40, 35, 25], array[3, 6, 18, 40, 33]),
  ('convocatorias',           4, 'Convocatorias y estímulos',        7, array[48, 38, 14], array[6, 12, 26, 32, 24]),
  ('eventos',                 5, 'Eventos deportivos y culturales', 10, array[22, 40, 38], array[3, 6, 16, 40, 35]),
  ('atencion_ciudadano',      6, 'Atención al ciudadano (PQRSD)',   17, array[30, 35, 35], array[12, 15, 24, 28, 21]);

-- Free texts as people write them. A few carry personal data: staff withhold or redact those
-- (see FREE-TEXT REVIEWS below), which is what the moderation page is for.
create temporary table seed_texts (question, body, redacted, publishable) as values
  ('debilidades_detalle', 'Intenté comprar boletas para el partido del domingo y la página se cayó dos veces antes de pagar.', null, true),
  ('debilidades_detalle', 'Para la asesoría de emprendimiento me pidieron documentos que no estaban en la lista publicada.', null, true),
  ('debilidades_detalle', 'La respuesta a mi petición llegó después de 20 días hábiles y no resolvía lo que pregunté.', null, true),
  ('debilidades_detalle', 'Los talleres son entre semana en horario laboral; los que trabajamos no podemos asistir.', null, true),
  ('debilidades_detalle', 'No encontré en el sitio web los requisitos de la convocatoria de estímulos y tuve que llamar.', null, true),
  ('debilidades_detalle', 'Las boletas se agotan en minutos y no hay lista de espera.', null, true),
  ('debilidades_detalle', 'En el punto de atención me enviaron de una ventanilla a otra sin darme razón.', null, true),
  ('debilidades_detalle', 'El formulario de inscripción a los talleres no funciona bien desde el celular.', null, true),
  ('debilidades_detalle', 'Pedí una cita de asesoría y me la dieron para dentro de un mes.', null, true),
  ('debilidades_detalle', 'En la taquilla virtual no aceptan pagos con Nequi ni Daviplata.', null, true),
  ('debilidades_detalle', 'No hay información clara sobre qué documentos llevar al punto de atención.', null, true),
  ('debilidades_detalle', 'El correo de confirmación de la inscripción nunca me llegó.', null, true),
  ('debilidades_detalle', 'Las capacitaciones se anuncian con muy poco tiempo de anticipación.', null, true),
  ('debilidades_detalle', 'Llamé varias veces a la línea y nadie contestó. Mi celular es 310 555 2233, por si me pueden ayudar.',
   'Llamé varias veces a la línea y nadie contestó. [Dato personal retirado], por si me pueden ayudar.', true),
  ('servicio_nuevo', 'Venta de boletas en taquilla los fines de semana', null, true),
  ('servicio_nuevo', 'Asesoría en mercadeo digital para emprendedores', null, true),
  ('servicio_nuevo', 'Talleres virtuales grabados para verlos después', null, true),
  ('servicio_nuevo', 'Escuelas deportivas para niños en los barrios', null, true),
  ('servicio_nuevo', 'Ferias para que los emprendedores vendan sus productos', null, true),
  ('servicio_nuevo', 'Atención por WhatsApp', null, true),
  ('servicio_nuevo', 'Descuentos en la boletería para adultos mayores', null, true),
  ('servicio_nuevo', 'Acompañamiento para formalizar mi negocio', null, true),
  ('servicio_nuevo', 'Abonos para toda la temporada de Leones', null, true),
  ('servicio_nuevo', 'Cursos de inglés para emprendedores', null, true),
  ('servicio_nuevo', 'Asesoría jurídica básica para emprendimientos', null, true),
  ('servicio_nuevo', 'Un punto de atención en el sur de la ciudad', null, true),
  ('comentarios', 'Gracias por preguntar; ojalá publiquen lo que van a mejorar.', null, true),
  ('comentarios', 'La asesoría que recibí fue muy buena, el asesor conocía bien el tema.', null, true),
  ('comentarios', 'Deberían anunciar las convocatorias con más tiempo.', null, true),
  ('comentarios', 'Muy buena la boletería en línea, ya no toca hacer fila.', null, true),
  ('comentarios', 'Que las encuestas también se puedan responder por teléfono para los adultos mayores.', null, true),
  ('comentarios', 'Me parece bien que pregunten; ojalá la encuesta fuera más corta.', null, true),
  ('comentarios', 'El personal del punto de atención es muy amable.', null, true),
  ('comentarios', 'Falta divulgar más los servicios en los barrios.', null, true),
  ('comentarios', 'La página web debería tener un buscador de trámites.', null, true),
  ('comentarios', 'Excelente el taller de finanzas para emprendedores.', null, true),
  ('comentarios', 'Soy Carlos Pérez, cédula 79.555.123: quiero que me contacten por lo de mi queja.', null, false),
  ('medio_enterado__otro', 'Por la emisora comunitaria', null, true),
  ('medio_enterado__otro', 'En el colegio de mis hijos', null, true),
  ('medio_enterado__otro', 'Por la junta de acción comunal', null, true),
  ('debilidades__otro', 'No hay parqueadero cerca del punto de atención', null, true),
  ('debilidades__otro', 'El sitio no funciona bien con mi lector de pantalla', null, true),
  ('razones', 'Me atendieron rápido y me explicaron bien.', null, true),
  ('razones', 'La asesora fue muy amable y resolvió todo en una sola llamada.', null, true),
  ('razones', 'Tuve que llamar tres veces para que me dieran respuesta.', null, true),
  ('razones', 'Me dieron información distinta en cada canal.', null, true),
  ('razones', 'Todo bien, pero el sitio web es confuso.', null, true),
  ('razones', 'Resolvieron mi solicitud, pero tardaron más de lo prometido.', null, true),
  ('razones', 'Me explicaron todo el proceso y me enviaron la información por correo.', null, true),
  ('razones', 'La atención fue buena, pero la fila en el punto presencial era muy larga.', null, true),
  ('razones', 'Nunca me devolvieron la llamada que me prometieron.', null, true),
  ('razones', 'El asesor sabía mucho de emprendimiento y me ayudó con el plan de negocio.', null, true),
  ('razones', 'Compré las boletas sin problema y el ingreso al estadio fue rápido.', null, true),
  ('razones', 'No me han respondido la queja que puse hace un mes. Escríbanme a luz.pena@correo.com.',
   'No me han respondido la queja que puse hace un mes. [Dato personal retirado].', true),
  ('contenidos_deseados', 'Fechas y horarios de los partidos de Leones con tiempo.', null, true),
  ('contenidos_deseados', 'Convocatorias para emprendedores y cómo aplicar a ellas.', null, true),
  ('contenidos_deseados', 'Transmisiones en vivo de las audiencias de rendición de cuentas.', null, true),
  ('contenidos_deseados', 'Consejos cortos para emprendedores en video.', null, true),
  ('contenidos_deseados', 'Resultados de las encuestas y qué cambió gracias a ellas.', null, true),
  ('contenidos_deseados', 'Menos publicidad y más información útil.', null, true),
  ('contenidos_deseados', 'Horarios de atención y cambios de última hora.', null, true),
  ('contenidos_deseados', 'Más videos cortos y menos imágenes con mucho texto.', null, true),
  ('contenidos_deseados', 'Encuestas rápidas como esta, más seguido.', null, true),
  ('contenidos_deseados', 'Información sobre cómo presentar peticiones y quejas.', null, true),
  ('contenidos_deseados', 'Noticias de los eventos culturales del mes.', null, true),
  ('contenidos_deseados', 'Respuestas a las preguntas que dejamos en los comentarios.', null, true),
  ('contenidos_deseados', 'Videos con subtítulos y con intérprete de lengua de señas.', null, true);

create function pg_temp.text_of(p_seed text, p_question text, p_percent integer)
returns text
language sql
stable
as $$
  select pg_temp.some_text(p_seed, p_percent, array(select t.body from seed_texts t where t.question = p_question order by t.body));
$$;

-- Demo staff, as their JWT claims (plan activity 1.2 is run by Atención al Ciudadano).
create temporary table seed_staff (sub, claims) as values
  ('demo-comunicaciones', '{"sub":"demo-comunicaciones","email":"comunicaciones@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["communications"]}}'),
  ('demo-encuestadora-1', '{"sub":"demo-encuestadora-1","email":"encuestas1@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["interviewer"]}}'),
  ('demo-encuestadora-2', '{"sub":"demo-encuestadora-2","email":"encuestas2@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["interviewer"]}}'),
  ('demo-encuestador-3',  '{"sub":"demo-encuestador-3","email":"encuestas3@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["interviewer"]}}');

create function pg_temp.act_as(p_sub text)
returns void
language sql
as $$
  select set_config('request.jwt.claims', coalesce((select s.claims from seed_staff s where s.sub = p_sub), ''), true);
$$;

create function pg_temp.interviewer(p_n integer)
returns text
language sql
immutable
as $$
  select (array['demo-encuestadora-1', 'demo-encuestadora-2', 'demo-encuestador-3'])[1 + p_n % 3];
$$;

-- When each demo response was submitted (applied once all of them are in).
create temporary table seed_response_times (response_id uuid primary key, submitted_at timestamptz not null);

-- 1.1 SERVICE OFFER: 300 responses since the survey opened, on the web (most), through the links
-- shared on Facebook, WhatsApp and Instagram, and by telephone (interviewers of Atención al Ciudadano).
do $$
declare
  v_survey   public.surveys;
  v_seed     text;
  v_service  record;
  v_known    jsonb;
  v_rated    jsonb;
  v_answers  jsonb;
  v_channel  text;
  v_source   text;
  v_medio    text;
  v_weak     text[];
  v_text     text;
  v_result   jsonb;
begin
  select * into strict v_survey from public.surveys where slug = 'oferta-de-servicios';
  for i in 1..300 loop
    v_seed := 'oferta/' || i;
    v_known := '{}'::jsonb;
    v_rated := '{}'::jsonb;
    for v_service in select * from seed_service_mix order by position loop
      v_known := v_known || jsonb_build_object(v_service.key, pg_temp.pick1(v_seed || '/conoce/' || v_service.key, array['no_conoce', 'conoce', 'usado'], v_service.known));
      if v_known ->> v_service.key = 'usado' then
        v_rated := v_rated || jsonb_build_object(v_service.key, pg_temp.pick1(v_seed || '/califica/' || v_service.key, array['1', '2', '3', '4', '5'], v_service.rating));
      end if;
    end loop;

    v_medio := pg_temp.pick1(v_seed || '/medio', array['redes_sociales', 'sitio_web', 'voz_a_voz', 'medios', 'punto_atencion', 'evento', 'no_conoce', 'otro'],
                             array[30, 18, 20, 8, 10, 8, 2, 4]);
    v_weak := case when pg_temp.unit(v_seed || '/sin-problemas') < 0.15 then array['ninguno']
      else pg_temp.pick(v_seed || '/debilidades',
                        array['informacion_insuficiente', 'requisitos', 'demora_respuesta', 'horarios', 'fallas_en_linea', 'cupos', 'trato', 'otro'],
                        array[26, 14, 24, 12, 16, 18, 5, 3],
                        1 + floor(pg_temp.unit(v_seed || '/cuantas') * 3)::integer) end;

    v_answers := jsonb_build_object(
      'conocimiento_servicios', v_known,
      'medio_enterado', v_medio,
      'uso_ultimo_ano', case when v_rated = '{}'::jsonb then 'no' else 'si' end,
      'debilidades', to_jsonb(v_weak),
      'recomendacion', pg_temp.pick1(v_seed || '/nps', array['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], array[3, 1, 2, 2, 3, 6, 8, 12, 16, 20, 27])::integer
    );
    if v_rated <> '{}'::jsonb then
      v_answers := v_answers || jsonb_build_object(
        'calificacion_servicios', v_rated,
        'calificacion_general', pg_temp.pick1(v_seed || '/general', array['1', '2', '3', '4', '5'], array[4, 8, 20, 40, 28])::integer
      );
    end if;
    if v_medio = 'otro' then
      v_answers := v_answers || jsonb_build_object('medio_enterado__otro', pg_temp.text_of(v_seed || '/medio-otro', 'medio_enterado__otro', 100));
    end if;
    if 'otro' = any (v_weak) then
      v_answers := v_answers || jsonb_build_object('debilidades__otro', pg_temp.text_of(v_seed || '/debilidades-otro', 'debilidades__otro', 100));
    end if;
    v_text := case when v_weak <> array['ninguno'] then pg_temp.text_of(v_seed || '/detalle', 'debilidades_detalle', 12) end;
    if v_text is not null then v_answers := v_answers || jsonb_build_object('debilidades_detalle', v_text); end if;
    v_text := pg_temp.text_of(v_seed || '/servicio-nuevo', 'servicio_nuevo', 10);
    if v_text is not null then v_answers := v_answers || jsonb_build_object('servicio_nuevo', v_text); end if;
    v_text := pg_temp.text_of(v_seed || '/comentarios', 'comentarios', 8);
    if v_text is not null then v_answers := v_answers || jsonb_build_object('comentarios', v_text); end if;

    v_channel := pg_temp.pick1(v_seed || '/canal', array['web', 'social', 'phone'], array[66, 20, 14]);
    v_source := case when v_channel = 'social' then pg_temp.pick1(v_seed || '/red', array['facebook', 'whatsapp', 'instagram'], array[50, 30, 20]) end;
    -- Telephone answers are typed in by an interviewer (the function checks the role).
    perform pg_temp.act_as(case when v_channel = 'phone' then pg_temp.interviewer(i) end);

    v_result := public.submit_survey_response('oferta-de-servicios', v_answers, 'encuestas-v1', v_channel, v_source, 'demo-seed/' || v_seed);
    if not coalesce((v_result ->> 'ok')::boolean, false) then
      raise exception 'demo response % to oferta-de-servicios failed: %', i, v_result;
    end if;
    insert into seed_response_times values ((v_result -> 'value' ->> 'id')::uuid, pg_temp.moment(v_seed, v_survey.opens_at, now()));
  end loop;
  perform pg_temp.act_as(null);
end;
$$;

-- 2.2 SOCIAL NETWORKS: 300 responses in the six weeks after the link was shared on each network
-- (?utm_source=<network>), roughly in proportion to each network's followers and engagement, and a
-- few from people who opened the survey on the portal.
do $$
declare
  v_survey  public.surveys;
  v_seed    text;
  v_source  text;
  v_follows text[];
  v_answers jsonb;
  v_text    text;
  v_result  jsonb;
begin
  select * into strict v_survey from public.surveys where slug = 'percepcion-redes';
  for i in 1..300 loop
    v_seed := 'redes/' || i;
    v_source := pg_temp.pick1(v_seed || '/red', array['facebook', 'instagram', 'whatsapp', 'tiktok', 'x', 'youtube', 'portal'], array[35, 26, 12, 10, 9, 5, 3]);
    -- People follow the agency on the network the link came from, and often on one or two more.
    v_follows := pg_temp.pick(v_seed || '/sigue', array['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube'],
                              array[40, 30, 12, 10, 8, 6], floor(pg_temp.unit(v_seed || '/cuantas') * 3)::integer);
    v_follows := case
      when v_source <> 'portal' then array(select distinct unnest(v_follows || v_source))
      when cardinality(v_follows) = 0 then array['ninguna']
      else v_follows
    end;
    v_answers := jsonb_build_object(
      'redes_sigue', to_jsonb(v_follows),
      'frecuencia', pg_temp.pick1(v_seed || '/frecuencia', array['diaria', 'semanal', 'mensual', 'casi_nunca', 'nunca'], array[18, 38, 26, 14, 4]),
      'utilidad', pg_temp.pick1(v_seed || '/utilidad', array['1', '2', '3', '4', '5'], array[4, 7, 21, 38, 30])::integer
    );
    v_text := pg_temp.text_of(v_seed || '/contenidos', 'contenidos_deseados', 12);
    if v_text is not null then v_answers := v_answers || jsonb_build_object('contenidos_deseados', v_text); end if;

    v_result := public.submit_survey_response('percepcion-redes', v_answers, 'encuestas-v1',
      case when v_source = 'portal' then 'web' else 'social' end, nullif(v_source, 'portal'), 'demo-seed/' || v_seed);
    if not coalesce((v_result ->> 'ok')::boolean, false) then
      raise exception 'demo response % to percepcion-redes failed: %', i, v_result;
    end if;
    insert into seed_response_times values ((v_result -> 'value' ->> 'id')::uuid, pg_temp.moment(v_seed, v_survey.opens_at, v_survey.opens_at + interval '42 days'));
  end loop;
end;
$$;

-- 1.2 TELEPHONE SURVEY: a call list of 340 people who used a service and authorised contact,
-- worked through the same functions the app uses (import as communications, calls as three
-- interviewers). The first 300 were imported when the campaign began and called in rounds, each
-- with a planned sequence of outcomes; the last 40 came in a recent import and wait in the queue.
-- Names and numbers are fictitious (300 555 …, 601 555 …).
create temporary table seed_call_plan (line, steps) as
with plans (steps, weight) as (values
  (array['completed'], 38),
  (array['no_answer', 'completed'], 10),
  (array['busy', 'completed'], 3),
  (array['callback', 'completed'], 5),
  (array['no_answer', 'no_answer', 'completed'], 3),
  (array['no_answer', 'no_answer', 'no_answer'], 9),   -- unreachable after the third
  (array['busy', 'no_answer', 'no_answer'], 2),
  (array['refused'], 9),
  (array['no_answer', 'refused'], 3),
  (array['wrong_number'], 7),
  (array['callback'], 4),                              -- waiting for the agreed time
  (array['no_answer'], 4),                             -- due again
  (array['no_answer', 'callback'], 3)
),
numbered as (select p.steps, p.weight, row_number() over () as n from plans p)
select g.line,
       (select n.steps from numbered n
        where n.n::text = pg_temp.pick1('llamadas/' || g.line, array(select x.n::text from numbered x order by x.n), array(select x.weight from numbered x order by x.n)))
from generate_series(2, 301) as g(line);

create function pg_temp.contact_rows(p_from integer, p_to integer)
returns jsonb
language sql
stable
as $$
  select jsonb_agg(jsonb_build_object(
    'line',         g.line,
    'fullName',     (array['María Fernanda', 'Jorge Iván', 'Luz Dary', 'Andrés Felipe', 'Claudia Patricia', 'Hernán Darío', 'Sandra Milena',
                           'Óscar Eduardo', 'Diana Marcela', 'Juan Camilo', 'Paola Andrea', 'Carlos Alberto', 'Ana María', 'Luis Fernando',
                           'Yolanda', 'John Jairo', 'Gloria Inés', 'Jhon Fredy', 'Natalia', 'Sebastián', 'Marta Lucía', 'Édgar', 'Leidy Johana',
                           'Wilson', 'Ángela María', 'Fabio Nelson', 'Carolina', 'Germán', 'Lina Marcela', 'Brayan Stiven'])[1 + g.line % 30]
                    || ' ' || (array['Ríos', 'Castaño', 'Peña', 'Mora', 'Gómez', 'López', 'Vargas', 'Ruiz', 'Rodríguez', 'Martínez',
                                     'García', 'Hernández', 'Ramírez', 'Torres', 'Cárdenas', 'Restrepo', 'Ospina', 'Zapata', 'Quintero', 'Álvarez',
                                     'Muñoz', 'Rojas', 'Moreno', 'Jiménez', 'Valencia', 'Arango', 'Salazar', 'Mejía', 'Giraldo'])[1 + (g.line * 7) % 29]
                    || ' ' || (array['Bedoya', 'Cifuentes', 'Duque', 'Escobar', 'Franco', 'Henao', 'Londoño', 'Marín', 'Navarro', 'Orozco',
                                     'Patiño', 'Quiroga', 'Sierra', 'Tabares', 'Uribe', 'Velásquez', 'Agudelo'])[1 + (g.line * 11) % 17],
    -- Mostly mobiles; one in eight a Bogotá landline (60 + area digit 1).
    'phone',        case when g.line % 8 = 0 then '601 555 ' || lpad(g.line::text, 4, '0') else '300 555 ' || lpad(g.line::text, 4, '0') end,
    'serviceUsed',  (select m.list_label from seed_service_mix m
                     where m.key = pg_temp.pick1('contacto/' || g.line, array(select x.key from seed_service_mix x order by x.position),
                                                 array(select x.share from seed_service_mix x order by x.position))),
    'consentBasis', pg_temp.pick1('base/' || g.line, array['autorizacion_previa', 'solicitud_del_titular', 'funcion_legal'], array[82, 10, 8]),
    'consentedOn',  to_char((now() at time zone 'America/Bogota')::date - 10 - (g.line * 37) % 90, 'YYYY-MM-DD')
  ) order by g.line)
  from generate_series(p_from, p_to) as g(line);
$$;

-- The answers of a completed call: the service the person used, and scores that go with it.
create function pg_temp.phone_answers(p_seed text, p_service_label text)
returns jsonb
language plpgsql
stable
as $$
declare
  v_service seed_service_mix;
  v_csat    integer;
  v_answers jsonb;
  v_text    text;
begin
  select * into strict v_service from seed_service_mix where list_label = p_service_label;
  -- People called shortly after being served rate the attention a little better than the service.
  v_csat := pg_temp.pick1(p_seed || '/csat', array['1', '2', '3', '4', '5'],
                          array[v_service.rating[1], v_service.rating[2], v_service.rating[3], v_service.rating[4] + 10, v_service.rating[5] + 20])::integer;
  v_answers := jsonb_build_object(
    'servicio_usado', v_service.key,
    'canal_atencion', pg_temp.pick1(p_seed || '/canal', array['presencial', 'telefonico', 'correo', 'web', 'redes'],
                                    case when v_service.key = 'boleteria_leones' then array[10, 20, 5, 55, 10] else array[34, 26, 12, 18, 10] end),
    'solicitud_resuelta', pg_temp.pick1(p_seed || '/resuelta', array['si', 'parcialmente', 'no'],
                                        case when v_csat >= 4 then array[85, 12, 3] when v_csat = 3 then array[40, 40, 20] else array[10, 30, 60] end),
    'csat', v_csat,
    'nps', pg_temp.pick1(p_seed || '/nps', array['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
                         case when v_csat >= 4 then array[0, 0, 0, 0, 1, 2, 4, 10, 20, 28, 35]
                              when v_csat = 3 then array[2, 2, 4, 6, 10, 18, 20, 20, 12, 4, 2]
                              else array[18, 12, 14, 14, 12, 12, 8, 6, 3, 1, 0] end)::integer
  );
  if pg_temp.unit(p_seed || '/fecha') < 0.6 then
    v_answers := v_answers || jsonb_build_object('fecha_atencion', to_char((now() at time zone 'America/Bogota')::date - 20 - floor(pg_temp.unit(p_seed || '/dias') * 60)::integer, 'YYYY-MM-DD'));
  end if;
  if pg_temp.unit(p_seed || '/contactos') < 0.7 then
    v_answers := v_answers || jsonb_build_object('contactos', pg_temp.pick1(p_seed || '/veces', array['1', '2', '3', '4', '6'], array[55, 25, 12, 6, 2])::integer);
  end if;
  if v_csat <= 2 and pg_temp.unit(p_seed || '/motivos') < 0.85 then
    v_answers := v_answers || jsonb_build_object('motivos_insatisfaccion', to_jsonb(pg_temp.pick(p_seed || '/cuales',
      array['demora', 'no_resolvieron', 'informacion_confusa', 'remitido', 'trato'], array[35, 30, 18, 12, 5],
      1 + floor(pg_temp.unit(p_seed || '/cuantos') * 2)::integer)));
  end if;
  v_text := pg_temp.text_of(p_seed || '/razones', 'razones', 15);
  if v_text is not null then v_answers := v_answers || jsonb_build_object('razones', v_text); end if;
  return v_answers;
end;
$$;

do $$
declare
  v_survey  public.surveys;
  v_result  jsonb;
  v_round   integer;
  v_sub     text;
  v_id      bigint;
  v_contact public.phone_contacts;
  v_step    text;
  v_calls   integer := 0;
begin
  select * into strict v_survey from public.surveys where slug = 'satisfaccion-telefonica';

  perform pg_temp.act_as('demo-comunicaciones');
  v_result := public.staff_import_phone_contacts('satisfaccion-telefonica', pg_temp.contact_rows(2, 301));
  if not coalesce((v_result ->> 'ok')::boolean, false) then
    raise exception 'demo telephone import failed: %', v_result;
  end if;

  -- Round by round: the contacts with a step in this round are due (as if the retry delay or the
  -- agreed time had come), and the interviewers take them from the queue in its own order.
  for v_round in 1..3 loop
    update public.phone_contacts c
    set next_call_at = now() - interval '1 minute'
    from seed_call_plan p
    where c.survey_id = v_survey.id and c.source_line = p.line
      and c.status in ('pending', 'callback') and cardinality(p.steps) >= v_round;

    loop
      v_sub := pg_temp.interviewer(v_calls);
      perform pg_temp.act_as(v_sub);
      v_result := public.staff_next_phone_contact('satisfaccion-telefonica');
      if not coalesce((v_result ->> 'ok')::boolean, false) then
        raise exception 'demo queue (round %) failed: %', v_round, v_result;
      end if;
      v_id := (v_result #>> '{value,contact,id}')::bigint;
      exit when v_id is null;
      select * into strict v_contact from public.phone_contacts where id = v_id;
      select p.steps[v_round] into strict v_step from seed_call_plan p where p.line = v_contact.source_line;
      v_result := case v_step
        when 'completed' then public.staff_complete_phone_call(v_id, pg_temp.phone_answers('llamada/' || v_contact.source_line, v_contact.service_used),
                                                               'encuestas-v1', null, 'demo-seed/llamada/' || v_contact.source_line)
        when 'callback' then public.staff_record_call_outcome(v_id, 'callback',
          (date_trunc('day', now() at time zone 'America/Bogota') + make_interval(days => 1 + v_contact.source_line % 4, hours => 9 + v_contact.source_line % 8)) at time zone 'America/Bogota',
          'Pidió que la llamen en otro horario.')
        else public.staff_record_call_outcome(v_id, v_step)
      end;
      if not coalesce((v_result ->> 'ok')::boolean, false) then
        raise exception 'demo call to line % (round %, %) failed: %', v_contact.source_line, v_round, v_step, v_result;
      end if;
      v_calls := v_calls + 1;
    end loop;
  end loop;

  perform pg_temp.act_as('demo-comunicaciones');
  v_result := public.staff_import_phone_contacts('satisfaccion-telefonica', pg_temp.contact_rows(302, 341));
  if not coalesce((v_result ->> 'ok')::boolean, false) then
    raise exception 'demo telephone import (second list) failed: %', v_result;
  end if;
  perform pg_temp.act_as(null);
end;
$$;

-- Calls happened over the weeks of the campaign, not all at once: each contact's attempts two days
-- apart from a day of its own, the completed survey at the time of its call. Contacts waiting for
-- a callback or a retry were called in the last days. Rewriting the dates of the initial load is not
-- a staff change, so the audit triggers stay out of it.
alter table public.phone_contacts disable trigger phone_contacts_audit;
alter table public.phone_call_attempts disable trigger phone_call_attempts_audit;

create temporary table seed_call_times as
select a.id,
       a.contact_id,
       a.response_id,
       least(
         case when c.status in ('pending', 'callback')
           then now() - make_interval(days => 1 + (c.source_line % 3) + 2 * (c.attempts - row_number() over w)::integer)
           else pg_temp.moment('llamada/' || c.source_line, v.opens_at, now() - make_interval(days => 2 * c.attempts))
                + make_interval(days => 2 * (row_number() over w - 1)::integer)
         end,
         now() - make_interval(mins => 30 + (c.source_line % 50))
       ) as ended_at,
       make_interval(mins => 2 + (c.source_line * 13) % 9, secs => (c.source_line * 7) % 60) as took
from public.phone_call_attempts a
join public.phone_contacts c on c.id = a.contact_id
join public.surveys v on v.id = c.survey_id and v.slug = 'satisfaccion-telefonica'
window w as (partition by a.contact_id order by a.id);

update public.phone_call_attempts a
set started_at = t.ended_at - t.took, ended_at = t.ended_at
from seed_call_times t
where t.id = a.id;

-- A callback agreed on one call is the time of the next one.
update public.phone_call_attempts a
set callback_at = n.ended_at
from seed_call_times t
join lateral (select x.ended_at from seed_call_times x where x.contact_id = t.contact_id and x.id > t.id order by x.id limit 1) n on true
where t.id = a.id and a.outcome = 'callback';

-- A retry is due two hours after the last unanswered call.
update public.phone_contacts c
set next_call_at = t.last_at + interval '2 hours'
from (select contact_id, max(ended_at) as last_at from seed_call_times group by contact_id) t
where t.contact_id = c.id and c.status = 'pending';

update public.phone_contacts c
set imported_at = least(v.opens_at + interval '2 hours', now())
from public.surveys v
where v.id = c.survey_id and v.slug = 'satisfaccion-telefonica' and c.attempts > 0;

insert into seed_response_times
select t.response_id, t.ended_at from seed_call_times t where t.response_id is not null;

alter table public.phone_contacts enable trigger phone_contacts_audit;
alter table public.phone_call_attempts enable trigger phone_call_attempts_audit;

-- Every demo response gets its own submission time (the counts do not depend on it).
update public.survey_responses r
set submitted_at = t.submitted_at
from seed_response_times t
where t.response_id = r.id;

-- The demo load's rate-limit hits mean nothing to a real client.
delete from private.rate_limit_hits where client like 'demo-seed/%';

-- FREE-TEXT REVIEWS
-- Communications reviewed most free texts a couple of days after they arrived: ordinary ones are
-- publishable, those with personal data withheld or redacted. About one in five still awaits review.
alter table public.survey_text_reviews disable trigger survey_text_reviews_audit;
insert into public.survey_text_reviews (answer_id, publishable, redacted_text, reviewed_by, reviewed_at)
select a.id, t.publishable, t.redacted, 'comunicaciones@agencia.gov.co', least(r.submitted_at + interval '2 days', now())
from public.survey_answers a
join public.survey_responses r on r.id = a.response_id
join seed_texts t on t.body = a.text_value
where pg_temp.unit('revision/' || a.id) < 0.8;
alter table public.survey_text_reviews enable trigger survey_text_reviews_audit;

drop table seed_call_times, seed_call_plan, seed_response_times, seed_staff, seed_texts, seed_service_mix;

-- MONITORING HISTORY
-- Follower counts per network at the end of each quarter and of October (4.1); the 2.2 reach
-- report divides by the latest.
alter table public.social_followers disable trigger user;
insert into public.social_followers (network, measured_on, followers) values
  ('facebook',  '2026-03-31', 18250), ('facebook',  '2026-06-30', 18940), ('facebook',  '2026-09-30', 19610), ('facebook',  '2026-10-31', 19874),
  ('instagram', '2026-03-31', 9120),  ('instagram', '2026-06-30', 10480), ('instagram', '2026-09-30', 11935), ('instagram', '2026-10-31', 12410),
  ('x',         '2026-03-31', 6410),  ('x',         '2026-06-30', 6390),  ('x',         '2026-09-30', 6322),  ('x',         '2026-10-31', 6295),
  ('tiktok',    '2026-03-31', 1200),  ('tiktok',    '2026-06-30', 2950),  ('tiktok',    '2026-09-30', 4870),  ('tiktok',    '2026-10-31', 5630),
  ('whatsapp',  '2026-06-30', 820),   ('whatsapp',  '2026-09-30', 1540),  ('whatsapp',  '2026-10-31', 1815),
  ('youtube',   '2026-03-31', 2310),  ('youtube',   '2026-06-30', 2405),  ('youtube',   '2026-09-30', 2530),  ('youtube',   '2026-10-31', 2566);
alter table public.social_followers enable trigger user;

-- PUBLISHED RESULTS
-- 2.2 closed its campaign in July and published then; 1.1 and 1.2 publish as they go (the pages
-- say the survey is still open and the figures update with each answer).
alter table public.surveys disable trigger surveys_audit;
update public.surveys
set results_published_at = case slug when 'percepcion-redes' then least(timestamptz '2026-07-31 10:00-05', now()) else now() end
where slug in ('oferta-de-servicios', 'satisfaccion-telefonica', 'percepcion-redes');
alter table public.surveys enable trigger surveys_audit;

-- STAFF ROSTER (local sign-in with a code; Supabase deployments use auth.users instead)
-- One demo person per role: the code is written to the server log and DATA_DIR/correo-local.jsonl.
insert into private.staff_roster (email, roles) values
  ('admin@agencia.gov.co',          array['admin']),
  ('comunicaciones@agencia.gov.co', array['communications']),
  ('asesoria@agencia.gov.co',       array['advisor']),
  ('encuestas@agencia.gov.co',      array['interviewer']),
  ('taquilla@agencia.gov.co',       array['box_office'])
on conflict (email) do nothing;

-- ===========================================================================================
-- TICKETS (plan activity 2.3) — kept at the end of the seed; times are relative to the first start
-- so the demo always has an event open now, one opening later and one sold out with a waiting list.
-- ===========================================================================================
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.events disable trigger events_audit_insert_delete;

update public.plan_activities
set action_label = 'Reservar boletas', action_href = '/servicios/boleteria'
where code = '2.3';

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('2.3', 'Boletería de Leones en línea', '/servicios/boleteria', '2026-11-28 09:00-05');

with day0 as (select date_trunc('day', now() at time zone 'America/Bogota') as d)
insert into public.events
  (slug, title, description, venue, address, starts_at, ends_at, capacity, remaining, max_per_registration, opens_at, closes_at)
select v.slug, v.title, v.description, v.venue, v.address,
       (d + v.starts) at time zone 'America/Bogota',
       (d + v.starts + interval '2 hours') at time zone 'America/Bogota',
       v.capacity, v.capacity, v.max_per_registration,
       coalesce((d + v.opens) at time zone 'America/Bogota', now() - interval '1 hour'),
       (d + v.starts - interval '2 hours') at time zone 'America/Bogota'
from day0, (values
  ('leones-vs-halcones',
   'Leones vs. Halcones: fecha 14 de la Liga de Baloncesto',
   'Partido de local de los Leones en la fase regular de la liga. Boletas gratuitas para la tribuna oriental, '
   || 'entregadas por la agencia dentro del programa de deporte y ciudad.' || E'\n\n'
   || 'Ingreso por la puerta 3 desde las 6:00 p. m. Presente el código QR de su boleta desde el celular o impreso, '
   || 'con su documento de identidad.',
   'Coliseo Iván de Bedout', 'Carrera 70 con calle 48, Unidad Deportiva Atanasio Girardot, Medellín',
   interval '9 days 19 hours', null::interval, 400, 4),
  ('leones-vs-toros',
   'Leones vs. Toros: fecha 16 de la Liga de Baloncesto',
   'Segundo partido de local del mes. Las inscripciones abren tres días antes de la fecha anunciada en redes.',
   'Coliseo Iván de Bedout', 'Carrera 70 con calle 48, Unidad Deportiva Atanasio Girardot, Medellín',
   interval '20 days 19 hours', interval '3 days 10 hours', 400, 4),
  ('clinica-de-baloncesto-juvenil',
   'Clínica de baloncesto juvenil con los Leones',
   'Entrenamiento abierto para jóvenes de 12 a 17 años con el cuerpo técnico de los Leones. Cupos limitados.',
   'Coliseo Yesid Santos', 'Calle 47D con carrera 70, Medellín',
   interval '6 days 9 hours', null::interval, 2, 2)
) as v(slug, title, description, venue, address, starts, opens, capacity, max_per_registration);

-- The clinic is sold out through the registration function itself (seats, consents and ticket
-- e-mails as a citizen would leave them), and one person waits for a seat.
select public.register_for_event('clinica-de-baloncesto-juvenil', 'Mariana Restrepo Gómez', 'CC', '1036640001',
  'mariana.restrepo@example.co', null, 2, true);
select public.join_waitlist('clinica-de-baloncesto-juvenil', 'Julián Ospina Mejía', 'julian.ospina@example.co', 1, true);

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;
alter table public.events enable trigger events_audit_insert_delete;

-- ===========================================================================================
-- ADVISORY BOOKINGS (plan activity 2.3) — two advisors whose weekly rules give the coming 30 days of
-- free slots (working days only: Colombian public holidays are skipped), the 3-question satisfaction
-- survey built with the survey engine, and a first booking. Written through the staff and public
-- functions the app uses, acting as the demo admin and communications staff.
-- ===========================================================================================
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.advisors disable trigger advisors_audit;
alter table public.advisor_weekly_rules disable trigger advisor_weekly_rules_audit;
alter table public.advisory_slots disable trigger advisory_slots_audit_insert_delete;
alter table public.advisory_slots disable trigger advisory_slots_audit_status;
alter table public.surveys disable trigger surveys_audit;
alter table public.survey_questions disable trigger survey_questions_audit;
alter table public.survey_question_options disable trigger survey_question_options_audit;
alter table public.survey_question_items disable trigger survey_question_items_audit;

insert into private.staff_roster (email, roles) values
  ('emprendimiento@agencia.gov.co', array['advisor'])
on conflict (email) do nothing;

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('2.3', 'Asesorías a emprendedores en línea', '/servicios/asesorias', '2026-11-28 09:30-05'),
  ('2.3', 'Cifras de las asesorías a emprendedores', '/informes/asesorias', '2026-11-28 09:30-05');

select set_config('request.jwt.claims', '{"sub":"demo-admin","email":"admin@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["admin"]}}', true);

select public.staff_create_advisor(jsonb_build_object(
  'name', 'Laura Restrepo Arango', 'email', 'asesoria@agencia.gov.co',
  'topics', jsonb_build_array('plan_de_negocio', 'formalizacion', 'financiacion'),
  'mode', 'in_person', 'venue', 'Sede principal, piso 2, sala de emprendimiento (Calle 44 # 52-165, Medellín)',
  'rules', (select jsonb_agg(jsonb_build_object('weekday', d, 'starts', '08:00', 'ends', '12:00', 'sessionMinutes', 45, 'bufferMinutes', 15))
            from generate_series(1, 5) d)));

select public.staff_create_advisor(jsonb_build_object(
  'name', 'Andrés Felipe Mejía', 'email', 'emprendimiento@agencia.gov.co',
  'topics', jsonb_build_array('mercadeo', 'ventas_digitales', 'financiacion'),
  'mode', 'online', 'meetingUrl', 'https://meet.jit.si/participa-asesorias-emprendimiento',
  'rules', (select jsonb_agg(jsonb_build_object('weekday', d, 'starts', '14:00', 'ends', '18:00', 'sessionMinutes', 45, 'bufferMinutes', 15))
            from generate_series(1, 5) d)));

select set_config('request.jwt.claims', '{"sub":"demo-comunicaciones","email":"comunicaciones@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["communications"]}}', true);

select public.staff_save_survey(jsonb_build_object(
  'slug', 'satisfaccion-asesorias', 'planActivity', '2.3',
  'title', 'Encuesta de satisfacción con la asesoría',
  'description', 'Tres preguntas sobre la asesoría de emprendimiento que recibió. Sus respuestas son anónimas.',
  'questions', jsonb_build_array(
    jsonb_build_object('id', 'utilidad', 'type', 'scale_5', 'required', true,
      'label', '¿Qué tan útil fue la asesoría para su emprendimiento?', 'help', '1 es nada útil y 5 es muy útil.'),
    jsonb_build_object('id', 'recomendacion', 'type', 'nps', 'required', true,
      'label', '¿Qué tan probable es que recomiende las asesorías de la agencia a otro emprendedor?', 'help', '0 es nada probable y 10 es muy probable.'),
    jsonb_build_object('id', 'mejoras', 'type', 'long_text', 'required', false,
      'label', '¿Qué podemos mejorar de la asesoría?', 'help', 'No escriba datos personales.'))), true);
select public.staff_set_survey_status('satisfaccion-asesorias', 'open');

select set_config('request.jwt.claims', '', true);

-- A first booking, as a citizen would make it, on the first free financing slot.
select public.book_advisory_slot(
  (select (public.list_advisory_slots('financiacion', (now() at time zone 'America/Bogota')::date,
            (now() at time zone 'America/Bogota')::date + 30) -> 0 ->> 'id')::uuid),
  'financiacion', 'Camila Torres Zapata', 'CC', '1037650002', 'camila.torres@example.co', '300 555 0102',
  'Arepas La Montañera', 'operating_lt_1y', 'Quiero saber qué crédito puedo pedir para comprar un horno industrial.', true);

-- The booking's deferred slot check runs now, so the tables can take their triggers back.
set constraints all immediate;
alter table public.plan_evidence enable trigger plan_evidence_audit;
alter table public.advisors enable trigger advisors_audit;
alter table public.advisor_weekly_rules enable trigger advisor_weekly_rules_audit;
alter table public.advisory_slots enable trigger advisory_slots_audit_insert_delete;
alter table public.advisory_slots enable trigger advisory_slots_audit_status;
alter table public.surveys enable trigger surveys_audit;
alter table public.survey_questions enable trigger survey_questions_audit;
alter table public.survey_question_options enable trigger survey_question_options_audit;
alter table public.survey_question_items enable trigger survey_question_items_audit;
-- ACCOUNTABILITY (plan activities 2.1, 3.2 and 3.3) — the 2026 schedule, `audiencia-1` taking questions
-- now and `audiencia-2` later (times relative to the first start, as the tickets), a few questions sent
-- through the public function and settled through the staff ones, and the plan's evidence links.
-- ===========================================================================================
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.accountability_activities disable trigger accountability_activities_audit;
alter table public.accountability_evidence disable trigger accountability_evidence_audit;
alter table public.hearings disable trigger hearings_audit_insert_delete;
alter table public.hearings disable trigger hearings_audit_update;
alter table public.hearing_questions disable trigger hearing_questions_audit_moderation;
alter table public.improvement_actions disable trigger improvement_actions_audit;
alter table public.improvement_action_updates disable trigger improvement_action_updates_audit;

insert into public.accountability_activities
  (year, position, kind, title, starts_on, ends_on, responsible_area, channel, status, done_on)
values
  (2026, 1, 'preparation', 'Alistamiento y conformación del equipo de rendición de cuentas', '2026-03-02', '2026-03-31',
   'Oficina Asesora de Planeación', 'Reuniones internas', 'done', '2026-03-27'),
  (2026, 2, 'management_report', 'Publicación del informe de gestión', '2026-08-03', '2026-08-31',
   'Oficina Asesora de Planeación', 'Sitio web', 'done', '2026-08-28'),
  (2026, 3, 'call_for_questions', 'Convocatoria y recepción de preguntas ciudadanas', '2026-09-01', '2026-12-04',
   'Comunicaciones', 'Sitio web y redes sociales', 'in_progress', null),
  (2026, 4, 'hearing', 'Primera audiencia pública por medios electrónicos', '2026-12-01', '2026-12-11',
   'Oficina Asesora de Planeación', 'YouTube en vivo', 'planned', null),
  (2026, 5, 'hearing', 'Segunda audiencia pública por medios electrónicos', '2026-12-14', '2026-12-31',
   'Oficina Asesora de Planeación', 'YouTube en vivo', 'planned', null),
  (2026, 6, 'evaluation', 'Reunión de evaluación de la rendición de cuentas', '2026-12-07', '2026-12-18',
   'Oficina Asesora de Planeación', 'Reunión virtual (Teams)', 'planned', null),
  (2026, 7, 'report', 'Publicación del informe de rendición de cuentas', '2026-12-14', '2026-12-22',
   'Oficina Asesora de Planeación', 'Sitio web', 'planned', null);

insert into public.accountability_evidence (activity_id, label, url, added_at)
select a.id, e.label, e.url, e.added_at::timestamptz
from public.accountability_activities a
join (values
  (1, 'Acta de conformación del equipo de rendición de cuentas', '/rendicion-de-cuentas', '2026-03-27 16:00-05'),
  (2, 'Informe de gestión publicado en el sitio web', '/rendicion-de-cuentas/audiencias/audiencia-1', '2026-08-28 10:00-05'),
  (3, 'Formulario de preguntas de la primera audiencia', '/rendicion-de-cuentas/audiencias/audiencia-1', '2026-09-01 08:00-05')
) as e(position, label, url, added_at) on e.position = a.position
where a.year = 2026;

with day0 as (select date_trunc('day', now() at time zone 'America/Bogota') as d)
insert into public.hearings
  (slug, year, activity_id, title, agenda, starts_at, ends_at, stream_url, stream_platform, report_url, venue,
   questions_open_at, questions_close_at)
select v.slug, extract(year from d + v.starts)::integer,
       (select id from public.accountability_activities where year = 2026 and position = v.position),
       v.title, v.agenda,
       (d + v.starts) at time zone 'America/Bogota',
       (d + v.starts + interval '2 hours') at time zone 'America/Bogota',
       v.stream_url, 'youtube', '/rendicion-de-cuentas', v.venue,
       (d + v.opens) at time zone 'America/Bogota',
       (d + v.starts + interval '2 hours') at time zone 'America/Bogota'
from day0, (values
  ('audiencia-1', 4, 'Primera audiencia pública de rendición de cuentas 2026',
   E'Bienvenida y objetivos de la audiencia\nPresentación del informe de gestión 2026\nResultados de los servicios en línea\nRespuesta a las preguntas ciudadanas\nCierre y evaluación',
   interval '7 days 9 hours', interval '-20 days', 'https://www.youtube.com/@agencia/live', 'Auditorio principal de la agencia'),
  ('audiencia-2', 5, 'Segunda audiencia pública de rendición de cuentas 2026',
   E'Avance de los compromisos de la primera audiencia\nPresupuesto y contratación\nRespuesta a las preguntas ciudadanas\nCierre y evaluación',
   interval '24 days 15 hours', interval '10 days', 'https://www.youtube.com/@agencia/live', null)
) as v(slug, position, title, agenda, starts, opens, stream_url, venue);

update public.hearings set evaluation_survey = private.create_hearing_evaluation_survey(slug, title)
where slug in ('audiencia-1', 'audiencia-2');

-- Citizens' questions through the public function (consents, numbers and due dates as the app leaves them).
select public.submit_hearing_question('audiencia-1', '¿Cuántas personas usaron la boletería en línea este año y cuánto costó el servicio?', 'Luisa Fernanda Mejía', 'luisa.mejia@example.co', true);
select public.submit_hearing_question('audiencia-1', '¿Qué resultados tuvo la encuesta sobre la oferta de servicios y qué van a cambiar?', null, 'ciudadano.anonimo@example.co', true);
select public.submit_hearing_question('audiencia-1', '¿Cuánto costó la boletería en línea y cuántas personas la usaron?', 'Andrés Gómez', 'andres.gomez@example.co', true);
select public.submit_hearing_question('audiencia-1', '¿Cuándo arreglan el alumbrado del parque de mi barrio?', null, 'vecino.parque@example.co', true);

-- Staff settle some of them through their functions: one answered in writing, its duplicate merged, one out of scope.
select set_config('request.jwt.claims', '{"sub":"seed","email":"comunicaciones@agencia.gov.co","app_metadata":{"roles":["communications"]}}', false);
select public.staff_answer_question(q.id, 'written',
  'En 2026 se expidieron 3.214 boletas gratuitas por la boletería en línea, para 11 eventos. El servicio funciona sobre la plataforma '
  || 'de la entidad, sin costo de licencias; su operación la asume el equipo de Tecnologías de la Información. Las cifras están en '
  || '/informes/boleteria.')
from public.hearing_questions q join public.hearings h on h.id = q.hearing_id where h.slug = 'audiencia-1' and q.number = 1;
select public.staff_moderate_question(q.id, 'merge', 1)
from public.hearing_questions q join public.hearings h on h.id = q.hearing_id where h.slug = 'audiencia-1' and q.number = 3;
select public.staff_moderate_question(q.id, 'out_of_scope', null,
  'El alumbrado público es competencia de la alcaldía municipal. Puede radicar su solicitud en la línea de atención de la alcaldía o en su sitio web.')
from public.hearing_questions q join public.hearings h on h.id = q.hearing_id where h.slug = 'audiencia-1' and q.number = 4;
select public.staff_moderate_question(q.id, 'publish')
from public.hearing_questions q join public.hearings h on h.id = q.hearing_id where h.slug = 'audiencia-1' and q.number = 2;
select public.staff_create_improvement_action('accountability', '2026',
  'Publicar el informe de gestión un mes antes de cada audiencia, con un resumen en lenguaje claro', 'Oficina Asesora de Planeación', '2027-03-31');
select set_config('request.jwt.claims', '', false);

-- The demo's rate-limit hits mean nothing to a real client.
delete from private.rate_limit_hits where bucket = 'hearing_question';

update public.plan_activities set action_label = 'Enviar una pregunta', action_href = '/rendicion-de-cuentas/audiencias/audiencia-1'
where code = '3.2';

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('2.1', 'Cronograma de rendición de cuentas publicado', '/rendicion-de-cuentas', '2026-04-24 11:45-05'),
  ('2.1', 'Calendario de la rendición de cuentas (iCal)', '/rendicion-de-cuentas/calendario.ics', '2026-04-24 11:45-05'),
  ('3.2', 'Primera audiencia pública: preguntas y respuestas', '/rendicion-de-cuentas/audiencias/audiencia-1', '2026-11-28 09:00-05'),
  ('3.2', 'Segunda audiencia pública', '/rendicion-de-cuentas/audiencias/audiencia-2', '2026-11-28 09:00-05'),
  ('3.3', 'Informe de rendición de cuentas 2026', '/rendicion-de-cuentas/informe/2026', '2026-11-28 09:00-05');

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;
alter table public.accountability_activities enable trigger accountability_activities_audit;
alter table public.accountability_evidence enable trigger accountability_evidence_audit;
alter table public.hearings enable trigger hearings_audit_insert_delete;
alter table public.hearings enable trigger hearings_audit_update;
alter table public.hearing_questions enable trigger hearing_questions_audit_moderation;
alter table public.improvement_actions enable trigger improvement_actions_audit;
alter table public.improvement_action_updates enable trigger improvement_action_updates_audit;
-- COMMUNICATIONS AND MENÚ PARTICIPA
-- Invitations (5.2), incidence of the exercises (5.3), training sessions and the plan's versions
-- (5.1), and the mapping of plan activities to the Menú Participa's six sections.
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.participa_section_activities disable trigger participa_section_activities_audit;
alter table public.plan_versions disable trigger plan_versions_audit;
alter table public.invitations disable trigger invitations_audit;
alter table public.incidence_exercises disable trigger incidence_exercises_audit;
alter table public.incidence_commitments disable trigger incidence_commitments_audit;
alter table public.incidence_milestones disable trigger incidence_milestones_audit;
alter table public.incidence_evidence disable trigger incidence_evidence_audit;
alter table public.training_sessions disable trigger training_sessions_audit;

-- Res. 1519 de 2020, annex 2: (1) diagnóstico, (2) planeación, (3) consulta, (4) colaboración,
-- (5) rendición de cuentas, (6) control social. An activity may serve more than one section.
insert into public.participa_section_activities (section_code, activity_code) values
  (1, '1.1'), (1, '1.2'), (1, '1.3'),
  (2, '2.3'), (2, '5.1'),
  (3, '1.1'), (3, '2.2'),
  (4, '3.1'),
  (5, '2.1'), (5, '3.2'), (5, '3.3'),
  (6, '4.1'), (6, '4.2'), (6, '5.3');

insert into public.plan_versions (version, published_on, changes) values
  ('1.0', '2026-01-30', 'Primera versión del plan de participación ciudadana de la vigencia, aprobada por el comité institucional.'),
  ('1.1', '2026-04-29', 'Se ajustan las fechas de la rendición de cuentas (2.1 y 3.2) y se publica el procedimiento de participación por medios electrónicos (5.1).'),
  ('1.2', '2026-09-01', 'Se agregan la encuesta telefónica de satisfacción (1.2) y la boletería en línea (2.3) como ejercicios del plan.');

update public.plan_activities set action_label = 'Ver convocatorias', action_href = '/participa/convocatorias' where code = '5.2';
update public.plan_activities set action_label = 'Ver la incidencia', action_href = '/resultados#incidencia' where code = '5.3';
update public.plan_activities set action_label = 'Leer el procedimiento', action_href = '/participa/procedimiento' where code = '5.1';

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('5.1', 'Procedimiento de participación ciudadana por medios electrónicos', '/participa/procedimiento', '2026-04-29 14:00-05'),
  ('5.1', 'Plan de participación de la vigencia y sus versiones', '/participa/plan', '2026-04-29 14:05-05'),
  ('5.1', 'Sesiones de capacitación y sensibilización', '/participa/capacitaciones', '2026-11-28 09:00-05'),
  ('5.2', 'Convocatorias abiertas en el sitio web, con enlaces para redes sociales', '/participa/convocatorias', '2026-11-28 09:00-05'),
  ('5.3', '«Ustedes dijeron / Hicimos»: incidencia de cada ejercicio', '/resultados#incidencia', '2026-11-28 09:00-05');

insert into public.invitations
  (slug, title, body, image_url, image_alt, target_kind, target_label, target_url, activity_code, starts_at, ends_at, publish_at, expires_at)
values
  ('responda-la-encuesta-de-oferta',
   'Responda la encuesta sobre nuestra oferta de servicios',
   'Queremos saber qué servicios de la agencia conoce, cuáles ha usado y qué mejoraría. Responder toma unos 5 minutos '
   || 'y sus respuestas nos ayudan a definir las mejoras del próximo año.',
   '/images/convocatorias/encuesta-oferta.svg',
   'Ilustración de un formulario con casillas y el texto «Su opinión mejora el servicio».',
   'survey', 'Responder la encuesta', '/encuestas/oferta-de-servicios', '1.1', null, null,
   now() - interval '2 days', '2026-12-15 23:59-05'),
  ('pregunte-en-la-audiencia-publica',
   'Pregunte en la audiencia pública de rendición de cuentas',
   'En la primera audiencia pública por medios electrónicos el equipo directivo responde sus preguntas sobre la gestión del año. '
   || 'Envíe su pregunta desde ya y siga la transmisión en vivo.',
   null, null, 'hearing', 'Enviar una pregunta', '/rendicion-de-cuentas/audiencias/audiencia-1', '3.2',
   (select starts_at from public.hearings where slug = 'audiencia-1'), (select ends_at from public.hearings where slug = 'audiencia-1'),
   now() - interval '1 day', null),
  ('asesorias-de-emprendimiento',
   'Reserve una asesoría gratuita para su emprendimiento',
   'Los asesores de la agencia acompañan su idea o su negocio en marcha: formalización, finanzas, ventas y acceso a crédito. '
   || 'Elija el día y la hora que le sirvan.',
   null, null, 'service', 'Reservar una asesoría', '/servicios/asesorias', '2.3', null, null,
   now() - interval '3 hours', null);

insert into public.training_sessions (slug, topic, audience, starts_at, place, attendance, materials_url) values
  ('mecanismos-de-participacion-2026',
   'Mecanismos de participación habilitados por la entidad', 'Ciudadanía y organizaciones sociales',
   '2026-05-14 15:00-05', 'Sala virtual de la agencia', 48, '/participa/procedimiento'),
  ('participacion-digital-servidores',
   'Participación ciudadana por medios electrónicos para servidores públicos', 'Servidores de la agencia',
   '2026-06-11 09:00-05', 'Auditorio principal, sede central', 35, '/participa/procedimiento');
-- A session that takes sign-ups does so through the tickets registration: it has its own event.
alter table public.events disable trigger events_audit_insert_delete;
insert into public.events (slug, title, description, venue, starts_at, ends_at, capacity, remaining, max_per_registration, opens_at, closes_at)
values ('taller-rendicion-de-cuentas', 'Taller: cómo participar en la rendición de cuentas',
        'Taller gratuito para preparar preguntas y seguir la audiencia pública por medios electrónicos.',
        'Sala virtual de la agencia', date_trunc('day', now()) + interval '3 days 15 hours',
        date_trunc('day', now()) + interval '3 days 17 hours', 60, 60, 1, now() - interval '1 hour',
        date_trunc('day', now()) + interval '3 days 14 hours');
alter table public.events enable trigger events_audit_insert_delete;
insert into public.training_sessions (slug, topic, audience, starts_at, place, event_slug)
values ('como-participar-en-la-rendicion-de-cuentas', 'Cómo participar en la audiencia de rendición de cuentas',
        'Ciudadanía, veedurías y organizaciones', date_trunc('day', now()) + interval '3 days 15 hours',
        'Sala virtual de la agencia', 'taller-rendicion-de-cuentas');

with exercise as (
  insert into public.incidence_exercises (kind, slug, title, url, activity_code, you_said, we_did)
  values ('survey', 'oferta-de-servicios', 'Encuesta sobre la oferta de servicios', '/encuestas/oferta-de-servicios', '1.1',
          'La mayoría conoce la asesoría a emprendedores, pero pocos saben que la boletería y las capacitaciones son gratuitas. '
          || 'Pidieron horarios de atención en la tarde y trámites sin desplazarse.',
          'Publicamos la boletería y la reserva de asesorías en línea, ampliamos la atención virtual hasta las 7:00 p. m. '
          || 'y sumamos la oferta completa a la página de servicios.')
  returning id
), commitment as (
  insert into public.incidence_commitments (exercise_id, title, description, status, due_on)
  select id, 'Reservas de asesoría en línea', 'Agendar asesorías de emprendimiento desde el portal, sin llamar ni ir a la sede.', 'done', '2026-11-30'
  from exercise
  returning id
)
insert into public.incidence_milestones (commitment_id, happened_on, description, status)
select id, v.on_, v.description, v.status from commitment, (values
  (date '2026-10-01', 'Diseño del servicio con los asesores y dos grupos de usuarios.', 'in_progress'),
  (date '2026-11-27', 'Servicio de reservas publicado en /servicios/asesorias.', 'done')
) as v(on_, description, status);

insert into public.incidence_evidence (exercise_id, kind, label, url, alt)
select id, 'link', 'Resultados publicados de la encuesta', '/resultados/oferta-de-servicios', null
from public.incidence_exercises where kind = 'survey' and slug = 'oferta-de-servicios';

insert into public.incidence_exercises (kind, slug, title, url, activity_code, you_said, we_did) values
  ('hearing', 'audiencia-1', 'Primera audiencia pública de rendición de cuentas', '/rendicion-de-cuentas/audiencias/audiencia-1', '3.2',
   'Las preguntas más repetidas fueron sobre los plazos de los programas de emprendimiento y la entrega de boletas para eventos.',
   'Publicaremos el calendario de convocatorias de emprendimiento y las cifras de la boletería en el portal, con su avance.'),
  ('ticket_service', 'boleteria', 'Boletería de Leones en línea', '/servicios/boleteria', '2.3',
   'Quienes usaron la boletería pidieron poder liberar las boletas que no van a usar y una lista de espera para eventos agotados.',
   'La boleta trae un enlace para cancelar, y los cupos liberados pasan en orden a la lista de espera.');

insert into public.incidence_commitments (exercise_id, title, status, due_on)
select id, 'Calendario de convocatorias de emprendimiento publicado', 'in_progress', '2026-12-18'
from public.incidence_exercises where kind = 'hearing' and slug = 'audiencia-1';

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;
alter table public.participa_section_activities enable trigger participa_section_activities_audit;
alter table public.plan_versions enable trigger plan_versions_audit;
alter table public.invitations enable trigger invitations_audit;
alter table public.incidence_exercises enable trigger incidence_exercises_audit;
alter table public.incidence_commitments enable trigger incidence_commitments_audit;
alter table public.incidence_milestones enable trigger incidence_milestones_audit;
alter table public.incidence_evidence enable trigger incidence_evidence_audit;
alter table public.training_sessions enable trigger training_sessions_audit;
-- INTERNAL EXERCISES (plan activities 1.3 and 3.1) — the 2025 self-diagnosis (the base the next
-- one is compared with) and the paper-use game: the June–July 2026 campaign that defined the
-- policy, and a challenge for the current week so the game is live on every start.
-- ===========================================================================================
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.diagnosis_assessments disable trigger diagnosis_assessments_audit;
alter table public.diagnosis_answers disable trigger diagnosis_answers_audit;
alter table public.paper_players disable trigger paper_players_audit;
alter table public.paper_challenges disable trigger paper_challenges_audit;
alter table public.paper_claims disable trigger paper_claims_audit;
alter table public.paper_quiz_attempts disable trigger paper_quiz_attempts_audit;
alter table public.paper_policy_rounds disable trigger paper_policy_rounds_audit;
alter table public.paper_measures disable trigger paper_measures_audit;
alter table public.paper_measure_votes disable trigger paper_measure_votes_audit;

insert into public.diagnosis_assessments (year, started_at, published_at)
values (2025, '2025-11-03 08:00-05', '2025-12-12 16:00-05');

insert into public.diagnosis_answers (year, requirement_code, verdict, evidence_links, proposed_action) values
  (2025, 'PART-01', 'complies',       '{/#actividad-1-1}', null),
  (2025, 'PART-02', 'partial',        '{}', 'Publicar cada convocatoria al menos diez días antes, en la web y en redes.'),
  (2025, 'PART-03', 'does_not',       '{}', 'Crear la página «ustedes dijeron, nosotros hicimos» para cada ejercicio.'),
  (2025, 'PART-04', 'partial',        '{}', 'Actualizar la caracterización de grupos de valor con las áreas misionales.'),
  (2025, 'RC-01',   'complies',       '{/rendicion-de-cuentas}', null),
  (2025, 'RC-02',   'partial',        '{}', 'Publicar el informe de gestión 30 días antes de la audiencia, en lenguaje claro.'),
  (2025, 'RC-03',   'does_not',       '{}', 'Recibir preguntas y registrar asistencia en línea para las audiencias.'),
  (2025, 'RC-04',   'partial',        '{}', 'Hacer seguimiento trimestral a las acciones de mejora de la rendición de cuentas.'),
  (2025, 'DIG-01',  'complies',       '{/}', null),
  (2025, 'DIG-02',  'partial',        '{}', 'Contratar una evaluación de accesibilidad WCAG 2.1 AA del sitio.'),
  (2025, 'DIG-03',  'does_not',       '{}', 'Publicar los resultados de las encuestas como datos abiertos.'),
  (2025, 'DAT-01',  'complies',       '{/datos-personales}', null),
  (2025, 'DAT-02',  'complies',       '{/datos-personales}', null),
  (2025, 'DAT-03',  'not_applicable', '{}', null);

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('1.3', 'Autodiagnóstico de participación 2025', '/informes/diagnostico/2025', '2025-12-12 16:00-05'),
  ('3.1', 'Política de uso eficiente del papel y resultados del ejercicio', '/informes/politica-papel', '2026-07-30 15:00-05');

-- Demo staff of several areas (their JWT sub); four chose to show their name on the leaderboard.
insert into public.paper_players (person, area_code, show_name, display_name, joined_at) values
  ('demo-papel-1', 'comunicaciones',     true,  'Lucía M.',   '2026-06-01 08:10-05'),
  ('demo-papel-2', 'comunicaciones',     false, null,         '2026-06-01 09:30-05'),
  ('demo-papel-3', 'planeacion',         true,  'Paola R.',   '2026-06-02 10:00-05'),
  ('demo-papel-4', 'juridica',           false, null,         '2026-06-02 11:00-05'),
  ('demo-papel-5', 'atencion-ciudadano', true,  'Marta V.',   '2026-06-03 08:00-05'),
  ('demo-papel-6', 'tecnologia',         true,  'Camilo A.',  '2026-06-03 14:00-05'),
  ('demo-papel-7', 'talento-humano',     false, null,         '2026-06-08 09:00-05'),
  ('demo-papel-8', 'planeacion',         false, null,         '2026-06-09 09:00-05');

insert into public.paper_challenges (week_start, title, description, action_label, points, created_at) values
  ('2026-06-01', 'Doble cara por defecto',
   'Configure su impresora para imprimir a doble cara y en escala de grises por defecto.',
   'Dejé mi impresora en doble cara y escala de grises', 10, '2026-05-29 10:00-05'),
  ('2026-06-08', 'Firma digital',
   'Firme digitalmente los oficios de la semana en lugar de imprimirlos para firmarlos.',
   'Firmé digitalmente mis documentos de esta semana', 15, '2026-06-05 10:00-05'),
  ('2026-06-15', 'Trámite sin papel',
   'Lleve de principio a fin un trámite interno sin imprimir: solicitud, aprobación y archivo.',
   'Terminé un trámite interno sin imprimir nada', 20, '2026-06-12 10:00-05'),
  ('2026-06-22', 'Reunión sin impresos',
   'Comparta la presentación y el acta de su reunión en pantalla o por enlace, no en papel.',
   'Hice una reunión sin documentos impresos', 10, '2026-06-19 10:00-05'),
  (private.bogota_week(now()), 'Reutilice el papel de una cara',
   'Use el papel impreso por una sola cara como borrador, y deje en la bandeja de reciclaje el que ya no sirve.',
   'Usé papel reutilizado para mis borradores esta semana', 10, now());

insert into public.paper_quiz_questions (challenge_id, position, prompt, options, correct_option, explanation)
select c.id, q.position, q.prompt, q.options, q.correct_option, q.explanation
from public.paper_challenges c
join (values
  ('Doble cara por defecto', 1, '¿Cuánto papel ahorra imprimir a doble cara un documento de 10 páginas?',
   array['Nada', 'Cerca de la mitad', 'Todo'], 1, 'Diez páginas caben en cinco hojas: se ahorra cerca de la mitad del papel.'),
  ('Doble cara por defecto', 2, '¿Qué imprime más rápido y gasta menos tóner?',
   array['Color', 'Escala de grises'], 1, 'La escala de grises gasta menos tóner y sirve para casi todos los documentos internos.'),
  ('Firma digital', 1, '¿Una firma digital tiene la misma validez que la manuscrita?',
   array['Sí, si cumple la Ley 527 de 1999', 'No, nunca', 'Solo entre particulares'], 0,
   'La Ley 527 de 1999 da a la firma digital la misma validez que a la manuscrita cuando cumple sus atributos.'),
  ('Trámite sin papel', 1, '¿Dónde debe quedar archivado un trámite electrónico?',
   array['En una carpeta impresa', 'En el gestor documental de la entidad', 'En el correo personal'], 1,
   'El expediente electrónico se conserva en el gestor documental, no se imprime para archivarlo.'),
  ('Reunión sin impresos', 1, '¿Qué es mejor para compartir el acta de una reunión?',
   array['Imprimir una copia por asistente', 'Enviar el enlace al documento compartido'], 1,
   'Un enlace evita copias impresas y todos ven la misma versión.'),
  ('Reutilice el papel de una cara', 1, '¿Qué papel sirve como borrador?',
   array['El impreso por una sola cara', 'El que tiene datos personales', 'El papel nuevo'], 0,
   'El papel con una cara libre sirve de borrador; el que lleva datos personales se destruye, no se reutiliza.'),
  ('Reutilice el papel de una cara', 2, '¿Qué se hace con el papel que ya no sirve?',
   array['Va a la basura común', 'Va a la bandeja de reciclaje'], 1,
   'El papel limpio y seco se recicla en la bandeja marcada para ello.')
) as q(title, position, prompt, options, correct_option, explanation) on q.title = c.title;

-- What people reported during the campaign, and the quizzes they answered (points as the functions give them).
insert into public.paper_claims (challenge_id, person, week_start, points, claimed_at)
select c.id, p.person, c.week_start, c.points, c.week_start + time '15:00' + (p.n || ' hours')::interval
from public.paper_challenges c
join (values ('demo-papel-1', 1), ('demo-papel-2', 2), ('demo-papel-3', 3), ('demo-papel-5', 4), ('demo-papel-6', 5), ('demo-papel-8', 6)) as p(person, n)
  on c.week_start < '2026-07-01' and (c.id + p.n) % 3 <> 0;

insert into public.paper_quiz_attempts (challenge_id, person, answers, correct, points, answered_at)
select c.id, p.person, array_agg(q.correct_option order by q.position), count(*), 2 * count(*), max(c.week_start + time '16:00')
from public.paper_challenges c
join public.paper_quiz_questions q on q.challenge_id = c.id
join (values ('demo-papel-1'), ('demo-papel-3'), ('demo-papel-4'), ('demo-papel-5')) as p(person) on c.week_start < '2026-07-01'
group by c.id, p.person;

-- The policy vote of the campaign, closed on 30 July 2026: six people voted; adopted = more than half.
insert into public.paper_policy_rounds (title, opened_at, closes_at)
values ('Política de uso eficiente del papel 2026', '2026-07-01 08:00-05', '2026-07-30 12:00-05');

insert into public.paper_measures (round_id, title, description, proposed_by, created_at)
select r.id, m.title, m.description, m.person, m.at::timestamptz
from public.paper_policy_rounds r, (values
  ('Impresoras en doble cara y escala de grises por defecto', 'Tecnología configura así todas las impresoras compartidas.', 'demo-papel-6', '2026-07-01 10:00-05'),
  ('Firma digital para todos los oficios internos', 'Ningún oficio interno se imprime para firmarlo.', 'demo-papel-4', '2026-07-02 09:00-05'),
  ('Actas y presentaciones solo por enlace', null, 'demo-papel-1', '2026-07-03 11:00-05'),
  ('Cuota mensual de impresión por área', 'Cada área recibe un tope de hojas al mes.', 'demo-papel-3', '2026-07-06 15:00-05')
) as m(title, description, person, at);

insert into public.paper_measure_votes (measure_id, person, voted_at)
select m.id, v.person, '2026-07-20 10:00-05'
from public.paper_measures m
join (values
  ('Impresoras en doble cara y escala de grises por defecto', array['demo-papel-1', 'demo-papel-2', 'demo-papel-3', 'demo-papel-5', 'demo-papel-6']),
  ('Firma digital para todos los oficios internos', array['demo-papel-3', 'demo-papel-4', 'demo-papel-5', 'demo-papel-6']),
  ('Actas y presentaciones solo por enlace', array['demo-papel-1', 'demo-papel-6']),
  ('Cuota mensual de impresión por área', array['demo-papel-3'])
) as t(title, people) on t.title = m.title
cross join lateral unnest(t.people) as v(person);

alter table public.plan_evidence enable trigger plan_evidence_audit;
alter table public.diagnosis_assessments enable trigger diagnosis_assessments_audit;
alter table public.diagnosis_answers enable trigger diagnosis_answers_audit;
alter table public.paper_players enable trigger paper_players_audit;
alter table public.paper_challenges enable trigger paper_challenges_audit;
alter table public.paper_claims enable trigger paper_claims_audit;
alter table public.paper_quiz_attempts enable trigger paper_quiz_attempts_audit;
alter table public.paper_policy_rounds enable trigger paper_policy_rounds_audit;
alter table public.paper_measures enable trigger paper_measures_audit;
alter table public.paper_measure_votes enable trigger paper_measure_votes_audit;
-- MONITORING (plan activities 4.1 social networks, 4.2 website visits) — kept at the end of the seed.
-- ===========================================================================================
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.social_followers disable trigger user;
alter table public.social_accounts disable trigger user;

insert into public.social_accounts (network, handle, url) values
  ('facebook',  'Agencia de Participación', 'https://www.facebook.com/'),
  ('instagram', '@agenciaparticipa',        'https://www.instagram.com/'),
  ('x',         '@agenciaparticipa',        'https://x.com/'),
  ('tiktok',    '@agenciaparticipa',        'https://www.tiktok.com/'),
  ('youtube',   'Agencia de Participación', 'https://www.youtube.com/'),
  ('linkedin',  'Agencia de Participación', 'https://www.linkedin.com/');

-- The quarterly counts above gain what each network's statistics showed since the reading before;
-- LinkedIn joins in the second half of the year.
update public.social_followers f
set posts = v.posts, reach = v.reach, engagement = v.engagement
from (values
  ('facebook',  '2026-06-30'::date, 61, 142000, 8120), ('facebook',  '2026-09-30'::date, 58, 151500, 8840), ('facebook',  '2026-10-31'::date, 21, 53800, 3120),
  ('instagram', '2026-06-30'::date, 74, 98000, 12400), ('instagram', '2026-09-30'::date, 80, 121000, 15100), ('instagram', '2026-10-31'::date, 27, 44900, 5230),
  ('x',         '2026-06-30'::date, 90, 40100, 1510),  ('x',         '2026-09-30'::date, 84, 36500, 1270),  ('x',         '2026-10-31'::date, 25, 11800, 390),
  ('tiktok',    '2026-06-30'::date, 22, 61000, 7400),  ('tiktok',    '2026-09-30'::date, 30, 88000, 10900), ('tiktok',    '2026-10-31'::date, 11, 31500, 4020),
  ('youtube',   '2026-06-30'::date, 6, 9100, 410),     ('youtube',   '2026-09-30'::date, 7, 9900, 455),     ('youtube',   '2026-10-31'::date, 2, 3400, 150)
) as v (network, measured_on, posts, reach, engagement)
where f.network = v.network and f.measured_on = v.measured_on;

insert into public.social_followers (network, measured_on, followers, posts, reach, engagement) values
  ('linkedin', '2026-07-31', 640, 8, 5200, 190), ('linkedin', '2026-09-30', 910, 14, 9800, 410), ('linkedin', '2026-10-31', 1035, 9, 6100, 260);

-- Page views of the last 60 days, as the beacon would have left them (a deterministic mix of pages,
-- sources, campaigns and devices; visitors repeat within a day), rolled up as the first view of each
-- day would have done. The raw views of the last 31 days stay, as in production.
insert into public.page_views (viewed_at, day, path, referrer_host, utm_source, utm_medium, utm_campaign, device, browser, country, region, visitor)
select (d.day + time '08:00' + (v.n * interval '97 seconds')) at time zone 'America/Bogota',
       d.day,
       (array['/', '/encuestas', '/encuestas/oferta-de-servicios', '/resultados', '/resultados/oferta-de-servicios',
              '/servicios/boleteria', '/servicios/boleteria/leones-vs-halcones', '/encuestas/percepcion-redes',
              '/informes/boleteria', '/rendicion-de-cuentas'])[1 + abs(hashtext(d.day || '/p/' || v.n)) % 10],
       case when s.k between 4 and 6 then (array['google.com', 'bing.com', 'medellin.gov.co'])[s.k - 3] end,
       case when s.k >= 7 then (array['facebook', 'instagram', 'x', 'whatsapp'])[s.k - 6] end,
       case when s.k >= 7 then 'social' end,
       case when s.k >= 7 then 'percepcion-redes' end,
       (array['mobile', 'mobile', 'mobile', 'desktop', 'desktop', 'tablet'])[1 + abs(hashtext(d.day || '/d/' || (v.n / 3))) % 6],
       (array['Chrome', 'Chrome', 'Chrome', 'Safari', 'Samsung Internet', 'Firefox', 'Edge'])[1 + abs(hashtext(d.day || '/b/' || (v.n / 3))) % 7],
       case when abs(hashtext(d.day || '/c/' || (v.n / 3))) % 10 = 0 then null else 'CO' end,
       case when abs(hashtext(d.day || '/c/' || (v.n / 3))) % 10 = 0 then null else (array['ANT', 'ANT', 'DC', 'VAC'])[1 + abs(hashtext(d.day || '/r/' || (v.n / 3))) % 4] end,
       lpad(to_hex(abs(hashtext(d.day || '/v/' || (v.n / 3)))), 16, '0')
from generate_series(1, 60) as g (ago)
cross join lateral (select ((now() at time zone 'America/Bogota')::date - g.ago) as day) d
cross join lateral generate_series(1, 40 + abs(hashtext(d.day::text)) % 60) as v (n)
cross join lateral (select abs(hashtext(d.day || '/s/' || v.n)) % 10 as k) s;

select private.roll_up_visits();

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('4.1', 'Informe de monitoreo de las redes sociales', '/informes/monitoreo/redes', '2026-11-03 09:15-05'),
  ('4.2', 'Informe de monitoreo a las visitas del sitio web', '/informes/monitoreo/sitio', '2026-11-03 09:40-05');

alter table public.social_accounts enable trigger user;
alter table public.social_followers enable trigger user;
alter table public.plan_evidence enable trigger plan_evidence_audit;
